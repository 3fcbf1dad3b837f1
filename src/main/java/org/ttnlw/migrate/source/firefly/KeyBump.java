package org.ttnlw.migrate.source.firefly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HexFormat;
import java.util.List;

/**
 * What {@code --invalidate-keys} writes back to Firefly: each key the device has, with its last
 * byte plus one (0xff wraps to 0x00), so the device's frames no longer verify there. Keys the
 * device does not have are left out, so that Firefly keeps them absent.
 */
final class KeyBump {
  static final List<String> KEY_FIELDS =
      List.of("application_key", "application_session_key", "network_session_key");

  private KeyBump() {}

  /** The {@code {"device": {...}}} body of the PUT, or null when the device holds no key. */
  static ObjectNode body(JsonNode device) {
    ObjectNode changed = JsonNodeFactory.instance.objectNode();
    keys(device).properties().forEach(key -> {
      byte[] bytes = HexFormat.of().parseHex(key.getValue().asText());
      bytes[bytes.length - 1]++;
      changed.put(key.getKey(), HexFormat.of().formatHex(bytes));
    });
    return changed.isEmpty() ? null : wrapped(changed);
  }

  /** The keys {@link #body} changes, as the device holds them: what undo puts back. */
  static ObjectNode keys(JsonNode device) {
    ObjectNode keys = JsonNodeFactory.instance.objectNode();
    for (String field : KEY_FIELDS) {
      String key = FireflyDeviceMapper.text(device, field).strip();
      if (key.length() == 32 && key.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        keys.put(field, key);
      }
    }
    return keys;
  }

  /** {@code {"device": fields}}, the body of a PUT. */
  static ObjectNode wrapped(JsonNode fields) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("device", fields);
    return body;
  }
}
