package org.ttnlw.migrate.tts;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.core.MigrationException;

/**
 * Fields of a TTS answer that this tool's protos do not know, however deep: a newer release's
 * additions. protobuf-java keeps them on parsing, but every copy the tool makes field by field
 * (merging a device, keeping the moved paths of a setting) would lose them, so an answer that
 * carries any is refused, naming each field by its number, rather than exported without it.
 */
public final class UnknownFields {
  private UnknownFields() {}

  /** Each unknown field of {@code message}, as "field 58 of EndDevice at mac_settings". */
  public static List<String> in(Message message) {
    List<String> found = new ArrayList<>();
    collect(message, "", found);
    return found;
  }

  /** Fails when {@code message} carries an unknown field; {@code what} starts the message. */
  public static void refuse(Message message, String what) {
    List<String> found = in(message);
    if (!found.isEmpty()) {
      throw refusal(what, found);
    }
  }

  static MigrationException refusal(String what, List<String> found) {
    return new MigrationException(what + " carries " + String.join(", ", found) + ", which this"
        + " tool does not know (a newer TTS release?): refused rather than moved without it");
  }

  private static void collect(Message message, String path, List<String> found) {
    for (int number : message.getUnknownFields().asMap().keySet()) {
      found.add("field " + number + " of " + message.getDescriptorForType().getName()
          + (path.isEmpty() ? "" : " at " + path));
    }
    for (Map.Entry<FieldDescriptor, Object> set : message.getAllFields().entrySet()) {
      FieldDescriptor field = set.getKey();
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      String inner = path.isEmpty() ? field.getName() : path + "." + field.getName();
      if (field.isRepeated()) {
        for (Object item : (List<?>) set.getValue()) {
          collect((Message) item, inner, found);
        }
      } else {
        collect((Message) set.getValue(), inner, found);
      }
    }
  }
}
