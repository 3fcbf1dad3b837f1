package org.ttnlw.migrate.tts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.json.TtsJsonException;

/**
 * A path where the target holds another value than the export, with both values as TTS JSON
 * (shortened when long; of a map, the entries that differ), or, for a secret, only that they
 * differ.
 *
 * @param wanted the export's value; null for a secret
 * @param actual the target's value; null for a secret
 */
public record Difference(String path, String wanted, String actual) {
  /** How much of a value a message shows. */
  static final int SHOWN = 120;
  private static final ObjectMapper JSON = new ObjectMapper();

  static Difference of(String path, List<FieldDescriptor> fields, Message wanted,
      Message actual) {
    if (SecretFields.holdsSecret(fields)) {
      return new Difference(path, null, null);
    }
    FieldDescriptor last = fields.get(fields.size() - 1);
    Set<Object> keys = last.isMapField() && MessagePaths.holds(wanted, fields)
        && MessagePaths.holds(actual, fields)
        ? MessageComparison.differingKeys(last, (List<?>) MessagePaths.valueAt(wanted, fields),
            (List<?>) MessagePaths.valueAt(actual, fields))
        : null;
    return new Difference(path, shown(wanted, fields, keys), shown(actual, fields, keys));
  }

  /** "attributes (export {"a":"1"}, target {"a":"2"}); root_keys.app_key (...)". */
  public static String describe(List<Difference> differences) {
    return differences.stream().map(Difference::toString).collect(Collectors.joining("; "));
  }

  /** Whether this is a secret's difference, whose values are not shown. */
  public boolean isSecret() {
    return wanted == null;
  }

  /** The paths, in order. */
  public static List<String> paths(List<Difference> differences) {
    return differences.stream().map(Difference::path).toList();
  }

  @Override
  public String toString() {
    if (wanted == null) {
      return path + " (a secret: export and target differ, neither is shown)";
    }
    return path + " (export " + wanted + ", target " + actual + ")";
  }

  /**
   * The value at {@code fields} as TTS JSON, or "unset"; of a map, only the entries with
   * {@code keys} where given.
   */
  private static String shown(Message message, List<FieldDescriptor> fields, Set<Object> keys) {
    if (!MessagePaths.holds(message, fields)) {
      return "unset";
    }
    Message.Builder alone = message.newBuilderForType();
    MessagePaths.copy(message, alone, fields);
    if (keys != null) {
      keepEntries(alone, fields, keys);
    }
    String text;
    try {
      text = innermost(JSON.readTree(TtsJson.instance().toJson(alone)), fields.size());
    } catch (TtsJsonException | JsonProcessingException e) {
      text = String.valueOf(MessagePaths.valueAt(message, fields));
    }
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN - 3) + "...";
  }

  private static void keepEntries(Message.Builder message, List<FieldDescriptor> fields,
      Set<Object> keys) {
    Message.Builder parent = message;
    for (FieldDescriptor field : fields.subList(0, fields.size() - 1)) {
      parent = parent.getFieldBuilder(field);
    }
    FieldDescriptor map = fields.get(fields.size() - 1);
    FieldDescriptor key = map.getMessageType().findFieldByName("key");
    List<?> entries = List.copyOf((List<?>) parent.getField(map));
    parent.clearField(map);
    for (Object entry : entries) {
      if (keys.contains(((Message) entry).getField(key))) {
        parent.addRepeatedField(map, entry);
      }
    }
  }

  /** The value {@code depth} single-member objects deep, whatever TTS JSON names the members. */
  private static String innermost(JsonNode json, int depth) {
    JsonNode node = json;
    for (int i = 0; i < depth; i++) {
      Iterator<JsonNode> members = node.elements();
      if (!node.isObject() || !members.hasNext()) {
        return node.toString();
      }
      node = members.next();
    }
    return node.toString();
  }
}
