package org.ttnlw.migrate.tts;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Field-mask paths such as {@code session.keys.app_s_key} applied to one message: whether
 * it holds a value there, and copying or clearing exactly that field.
 */
public final class MessagePaths {
  private MessagePaths() {}

  /**
   * The fields a TTS path names, each from the outermost. TTS paths may name a oneof group: in the
   * middle of a path it is skipped ({@code mac_settings.adr.mode.static}), at the end it stands for
   * each of its members. Fails on a path the type does not have.
   */
  public static List<List<FieldDescriptor>> resolve(Descriptor type, String path) {
    String[] names = path.split("\\.");
    List<FieldDescriptor> fields = new ArrayList<>();
    Descriptor current = type;
    for (int i = 0; i < names.length; i++) {
      if (current == null) {
        throw new IllegalArgumentException(path + ": " + names[i - 1] + " is not a message");
      }
      FieldDescriptor field = current.findFieldByName(names[i]);
      if (field == null) {
        OneofDescriptor oneof = oneof(current, names[i], path);
        if (i == names.length - 1) {
          return oneof.getFields().stream().map(member -> append(fields, member)).toList();
        }
        continue;
      }
      fields.add(field);
      boolean nested = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && !field.isRepeated();
      current = nested ? field.getMessageType() : null;
    }
    return List.of(List.copyOf(fields));
  }

  private static OneofDescriptor oneof(Descriptor type, String name, String path) {
    return type.getRealOneofs().stream()
        .filter(candidate -> candidate.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(path + ": " + type.getFullName()
            + " has no field " + name));
  }

  private static List<FieldDescriptor> append(List<FieldDescriptor> path, FieldDescriptor last) {
    List<FieldDescriptor> longer = new ArrayList<>(path);
    longer.add(last);
    return List.copyOf(longer);
  }

  /** Whether {@code message} holds a value at {@code path}: set, non-empty, not the default. */
  public static boolean holds(Message message, List<FieldDescriptor> path) {
    Message current = message;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!current.hasField(path.get(i))) {
        return false;
      }
      current = (Message) current.getField(path.get(i));
    }
    return holdsField(current, path.get(path.size() - 1));
  }

  private static boolean holdsField(Message message, FieldDescriptor field) {
    if (field.isRepeated()) {
      return message.getRepeatedFieldCount(field) > 0;
    }
    if (field.hasPresence()) {
      return message.hasField(field);
    }
    return !message.getField(field).equals(field.getDefaultValue());
  }

  /** The value {@code message} holds at {@code path}, or null where it holds none. */
  public static Object valueAt(Message message, List<FieldDescriptor> path) {
    if (!holds(message, path)) {
      return null;
    }
    Message current = message;
    for (int i = 0; i < path.size() - 1; i++) {
      current = (Message) current.getField(path.get(i));
    }
    return current.getField(path.get(path.size() - 1));
  }

  /** Sets {@code path} of {@code target} to what {@code source} holds there, replacing lists. */
  public static void copy(Message source, Message.Builder target, List<FieldDescriptor> path) {
    Message from = source;
    Message.Builder to = target;
    for (int i = 0; i < path.size() - 1; i++) {
      from = (Message) from.getField(path.get(i));
      to = to.getFieldBuilder(path.get(i));
    }
    FieldDescriptor last = path.get(path.size() - 1);
    to.clearField(last);
    if (holdsField(from, last)) {
      to.setField(last, from.getField(last));
    }
  }

  /** Clears {@code path} of {@code target}, without creating the messages around it. */
  public static void clear(Message.Builder target, List<FieldDescriptor> path) {
    Message.Builder to = target;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!to.hasField(path.get(i))) {
        return;
      }
      to = to.getFieldBuilder(path.get(i));
    }
    to.clearField(path.get(path.size() - 1));
  }
}
