package org.ttnlw.migrate.tts;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.Secret;

/**
 * Which fields hold secrets that no message may show: keys of every kind (root and session keys,
 * API keys, LNS and CUPS keys, key envelopes), passwords, tokens, authentication codes and HTTP
 * headers (which carry credentials). Told by the field's name or its message type; and whether
 * an item as written holds key material.
 */
public final class SecretFields {
  private static final Pattern SECRET_NAME = Pattern.compile(
      "(^|.*_)(keys?|secret|password|token|headers|authentication_code)");
  private static final Set<String> SECRET_TYPES = Set.of("ttn.lorawan.v3.KeyEnvelope",
      "ttn.lorawan.v3.Secret");

  private SecretFields() {}

  /** Whether a value at {@code path} is or holds a secret. */
  public static boolean holdsSecret(List<FieldDescriptor> path) {
    return path.stream().anyMatch(SecretFields::isSecret)
        || holdsSecret(path.get(path.size() - 1), new HashSet<>());
  }

  private static boolean isSecret(FieldDescriptor field) {
    return SECRET_NAME.matcher(field.getName()).matches()
        || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
            && SECRET_TYPES.contains(field.getMessageType().getFullName());
  }

  private static boolean holdsSecret(FieldDescriptor field, Set<Descriptor> seen) {
    if (isSecret(field)) {
      return true;
    }
    if (field.isMapField()) {
      // An entry's key is named "key": only its value can hold a secret.
      return holdsSecret(field.getMessageType().findFieldByName("value"), seen);
    }
    if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE
        || !seen.add(field.getMessageType())) {
      return false;
    }
    return field.getMessageType().getFields().stream()
        .anyMatch(member -> holdsSecret(member, seen));
  }

  /**
   * Whether {@code message} holds key material: a key in a {@link KeyEnvelope} (an AppKey, NwkKey
   * or session key, plain or wrapped) or a {@link Secret} (a gateway's LNS key).
   */
  public static boolean in(Message message) {
    if (message instanceof KeyEnvelope envelope) {
      return !envelope.getKey().isEmpty() || !envelope.getEncryptedKey().isEmpty();
    }
    if (message instanceof Secret secret) {
      return !secret.getValue().isEmpty();
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      List<?> values = field.getKey().isRepeated() ? (List<?>) field.getValue()
          : List.of(field.getValue());
      for (Object value : values) {
        if (in((Message) value)) {
          return true;
        }
      }
    }
    return false;
  }
}
