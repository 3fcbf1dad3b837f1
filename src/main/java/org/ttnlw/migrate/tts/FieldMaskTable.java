package org.ttnlw.migrate.tts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The field-mask paths each TTS registry RPC accepts (TTS v3.32), read from the
 * bundled {@code field-masks.tsv}. TTS refuses a request naming any other path.
 */
public final class FieldMaskTable {
  private static final String RESOURCE = "field-masks.tsv";
  private static volatile FieldMaskTable bundled;

  private final Map<String, Set<String>> allowedByRpc;

  private FieldMaskTable(Map<String, Set<String>> allowedByRpc) {
    this.allowedByRpc = allowedByRpc;
  }

  /** The table shipped with this tool. */
  public static FieldMaskTable bundled() {
    FieldMaskTable table = bundled;
    if (table == null) {
      try (InputStream in = FieldMaskTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        table = parse(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundled = table;
    }
    return table;
  }

  static FieldMaskTable parse(InputStream in) throws IOException {
    Map<String, Set<String>> byRpc = new LinkedHashMap<>();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null || !header.equals("rpc\tallowed_path")) {
      throw new IOException("unexpected header in " + RESOURCE + ": " + header);
    }
    for (String line; (line = reader.readLine()) != null; ) {
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab < 0) {
        throw new IOException("malformed line in " + RESOURCE + ": " + line);
      }
      byRpc.computeIfAbsent(line.substring(0, tab), k -> new LinkedHashSet<>())
          .add(line.substring(tab + 1));
    }
    byRpc.replaceAll((rpc, paths) -> Collections.unmodifiableSet(paths));
    return new FieldMaskTable(Collections.unmodifiableMap(byRpc));
  }

  /**
   * Paths allowed for an RPC, by its full gRPC method name such as
   * {@code ttn.lorawan.v3.NsEndDeviceRegistry/Get}; empty if the RPC takes no mask.
   */
  public Set<String> allowed(String fullMethodName) {
    return allowedByRpc.getOrDefault(fullMethodName, Set.of());
  }

  /**
   * The smallest set of allowed paths that selects the same fields: a path is
   * left out when one of its ancestors is allowed too.
   */
  public Set<String> topLevel(String fullMethodName) {
    Set<String> allowed = allowed(fullMethodName);
    Set<String> top = new LinkedHashSet<>();
    for (String path : allowed) {
      if (!hasAllowedAncestor(path, allowed)) {
        top.add(path);
      }
    }
    return Collections.unmodifiableSet(top);
  }

  /**
   * The allowed paths that have no allowed sub-path: what a server's write takes field by field.
   * NS allows {@code session} but lists only the network session keys below it, so its leaves
   * leave the AppSKey to the AS.
   */
  public Set<String> leaves(String fullMethodName) {
    Set<String> allowed = allowed(fullMethodName);
    Set<String> leaves = new LinkedHashSet<>();
    for (String path : allowed) {
      String prefix = path + ".";
      if (allowed.stream().noneMatch(other -> other.startsWith(prefix))) {
        leaves.add(path);
      }
    }
    return Collections.unmodifiableSet(leaves);
  }

  private static boolean hasAllowedAncestor(String path, Set<String> allowed) {
    for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
      if (allowed.contains(path.substring(0, dot))) {
        return true;
      }
    }
    return false;
  }
}
