package org.ttnlw.migrate.tts;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether two messages hold the same values, as TTS means it. A map field is a set of key to
 * value: TTS (Go) writes its entries in any order, different from call to call. A repeated field
 * is a list, compared in order. Nested messages, list items and map values are compared the same
 * way, however deep. Fields unknown to this build are not compared: no path names them and no
 * write by field mask carries them. Every comparison of exported with target values goes through
 * here, so that all commands agree on "equal".
 */
public final class MessageComparison {
  private MessageComparison() {}

  /**
   * Of {@code paths} (TTS field-mask paths of the messages' type), those where {@code actual}
   * holds other than {@code wanted}, each once, in the order given.
   */
  public static List<Difference> differences(Message wanted, Message actual,
      Collection<String> paths) {
    List<Difference> differing = new ArrayList<>();
    for (String path : paths.stream().distinct().toList()) {
      for (List<FieldDescriptor> fields
          : MessagePaths.resolve(wanted.getDescriptorForType(), path)) {
        if (!sameAt(wanted, actual, fields)) {
          differing.add(Difference.of(path, fields, wanted, actual));
          break;
        }
      }
    }
    return differing;
  }

  /** Whether both messages hold the same value at {@code path}, or neither holds one. */
  public static boolean sameAt(Message one, Message other, List<FieldDescriptor> path) {
    boolean held = MessagePaths.holds(one, path);
    if (held != MessagePaths.holds(other, path)) {
      return false;
    }
    return !held || sameValue(path.get(path.size() - 1), MessagePaths.valueAt(one, path),
        MessagePaths.valueAt(other, path));
  }

  /** Whether two messages of one type hold the same known fields. */
  public static boolean equal(Message one, Message other) {
    if (!one.getDescriptorForType().equals(other.getDescriptorForType())) {
      return false;
    }
    for (FieldDescriptor field : one.getDescriptorForType().getFields()) {
      if (!field.isRepeated() && field.hasPresence()
          && one.hasField(field) != other.hasField(field)) {
        return false;
      }
      if (!sameValue(field, one.getField(field), other.getField(field))) {
        return false;
      }
    }
    return true;
  }

  /** Whether two values of {@code field} (as {@link Message#getField} gives them) are equal. */
  private static boolean sameValue(FieldDescriptor field, Object one, Object other) {
    if (field.isMapField()) {
      return sameMap(field, (List<?>) one, (List<?>) other);
    }
    if (field.isRepeated()) {
      List<?> items = (List<?>) one;
      List<?> otherItems = (List<?>) other;
      if (items.size() != otherItems.size()) {
        return false;
      }
      for (int i = 0; i < items.size(); i++) {
        if (!sameItem(field, items.get(i), otherItems.get(i))) {
          return false;
        }
      }
      return true;
    }
    return sameItem(field, one, other);
  }

  private static boolean sameMap(FieldDescriptor field, List<?> entries, List<?> otherEntries) {
    return differingKeys(field, entries, otherEntries).isEmpty();
  }

  /** The keys of a map field that only one side holds, or both with different values. */
  static Set<Object> differingKeys(FieldDescriptor field, List<?> entries, List<?> otherEntries) {
    Map<Object, Object> map = asMap(field, entries);
    Map<Object, Object> otherMap = asMap(field, otherEntries);
    FieldDescriptor value = field.getMessageType().findFieldByName("value");
    Set<Object> differing = new HashSet<>(map.keySet());
    differing.addAll(otherMap.keySet());
    differing.removeIf(key -> map.containsKey(key) && otherMap.containsKey(key)
        && sameItem(value, map.get(key), otherMap.get(key)));
    return differing;
  }

  /** The entries of a map field by key; of repeated keys, the last one counts, as on the wire. */
  private static Map<Object, Object> asMap(FieldDescriptor field, List<?> entries) {
    FieldDescriptor key = field.getMessageType().findFieldByName("key");
    FieldDescriptor value = field.getMessageType().findFieldByName("value");
    Map<Object, Object> map = new LinkedHashMap<>();
    for (Object entry : entries) {
      Message pair = (Message) entry;
      map.put(pair.getField(key), pair.getField(value));
    }
    return map;
  }

  /** Whether two single values (not lists) of {@code field} are equal. */
  private static boolean sameItem(FieldDescriptor field, Object one, Object other) {
    return switch (field.getJavaType()) {
      case MESSAGE -> equal((Message) one, (Message) other);
      // An enum number this build does not know has no shared descriptor: compare numbers.
      case ENUM -> ((EnumValueDescriptor) one).getNumber()
          == ((EnumValueDescriptor) other).getNumber();
      default -> one.equals(other);
    };
  }
}
