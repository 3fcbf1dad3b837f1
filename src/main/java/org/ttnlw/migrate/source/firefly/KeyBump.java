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
    for (String field : KEY_FIELDS) {
      String key = FireflyDeviceMapper.text(device, field).strip();
      if (key.length() == 32 && key.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        byte[] bytes = HexFormat.of().parseHex(key);
        bytes[bytes.length - 1]++;
        changed.put(field, HexFormat.of().formatHex(bytes));
      }
    }
    if (changed.isEmpty()) {
      return null;
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.set("device", changed);
    return body;
  }
}
