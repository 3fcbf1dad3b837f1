package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.Secret;

/**
 * Whether an item as written holds a secret: a key (an AppKey, NwkKey or session key in a
 * {@link KeyEnvelope}, plain or wrapped) or a {@link Secret} (a gateway's LNS key).
 */
public final class SecretFields {
  private SecretFields() {}

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
