package org.ttnlw.migrate.tts;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.FieldMask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ttnlw.migrate.proto.Gateway;

/**
 * Which fields of a gateway move, from the bundled {@code gateway-fields.tsv}: the rule for
 * what the source is asked for, what the export carries and what the target is compared on.
 */
public final class GatewayFields {
  private static final String RESOURCE = "gateway-fields.tsv";
  private static final GatewayFields BUNDLED = load();

  /** How a field is exported. */
  public enum Export { COPY, SECRET, NEVER }

  private final Map<String, Export> fields;
  private final Map<String, String> reasons;

  private GatewayFields(Map<String, Export> fields, Map<String, String> reasons) {
    this.fields = fields;
    this.reasons = reasons;
  }

  public static GatewayFields bundled() {
    return BUNDLED;
  }

  public Export export(String field) {
    Export export = fields.get(field);
    if (export == null) {
      throw new IllegalArgumentException("gateway field " + field + " is not in " + RESOURCE);
    }
    return export;
  }

  /** Why a field is not exported, for the docs and messages. */
  public String reason(String field) {
    return reasons.getOrDefault(field, "");
  }

  /** The fields the source is asked for: those copied, and the secret ones when wanted. */
  public FieldMask readMask(boolean withSecrets) {
    FieldMask.Builder mask = FieldMask.newBuilder();
    fields.forEach((field, export) -> {
      if (export == Export.COPY || withSecrets && export == Export.SECRET) {
        mask.addPaths(field);
      }
    });
    return mask.build();
  }

  /** The gateway with every field that must not move cleared (and secrets unless wanted). */
  public Gateway exported(Gateway read, boolean withSecrets) {
    Gateway.Builder gateway = read.toBuilder();
    for (FieldDescriptor field : Gateway.getDescriptor().getFields()) {
      Export export = export(field.getName());
      if (export == Export.NEVER || export == Export.SECRET && !withSecrets) {
        gateway.clearField(field);
      }
    }
    return gateway.build();
  }

  /** The top-level fields a gateway created from an export carries, for comparing read-backs. */
  public List<String> copied(boolean withSecrets) {
    return readMask(withSecrets).getPathsList();
  }

  private static GatewayFields load() {
    try (InputStream in = GatewayFields.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      Map<String, Export> fields = new LinkedHashMap<>();
      Map<String, String> reasons = new LinkedHashMap<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
      reader.lines().filter(line -> !line.startsWith("#") && !line.startsWith("field\t"))
          .filter(line -> !line.isBlank())
          .forEach(line -> {
            String[] cells = line.split("\t", -1);
            fields.put(cells[0], Export.valueOf(cells[1].toUpperCase(Locale.ROOT)));
            reasons.put(cells[0], cells.length > 2 ? cells[2] : "");
          });
      for (FieldDescriptor field : Gateway.getDescriptor().getFields()) {
        if (!fields.containsKey(field.getName())) {
          throw new IllegalStateException(RESOURCE + " has no row for gateway field "
              + field.getName());
        }
      }
      return new GatewayFields(Collections.unmodifiableMap(fields), reasons);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
