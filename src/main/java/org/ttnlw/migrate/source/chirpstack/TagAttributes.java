package org.ttnlw.migrate.source.chirpstack;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.source.lorawan.TtsLimits;

/**
 * A ChirpStack gateway's tags as TTS gateway attributes. ChirpStack has no rules for tag keys; TTS
 * wants keys that are IDs (at most 36 characters), values of at most 200 and at most 10 pairs. A
 * key that becomes valid by lower-casing and {@code _} → {@code -} is kept under that key; any other
 * invalid key, a value that is too long, a key that repeats one already kept, and every tag after
 * the tenth is dropped. Each change is one warning naming the gateway and the tag. Tags whose keys
 * are valid as they are go first, then the others, each by key, so a valid key never loses to a
 * repaired one.
 */
final class TagAttributes {
  private static final Logger log = LoggerFactory.getLogger(TagAttributes.class);
  private static final Comparator<String> VALID_FIRST =
      Comparator.<String, Boolean>comparing(key -> DeviceIds.problem(key) != null)
          .thenComparing(Comparator.naturalOrder());

  private TagAttributes() {}

  static Map<String, String> of(String gateway, Map<String, String> tags) {
    Map<String, String> attributes = new LinkedHashMap<>();
    tags.keySet().stream().sorted(VALID_FIRST).forEach(tag -> {
      String key = tag.toLowerCase(Locale.ROOT).replace('_', '-');
      String value = tags.get(tag);
      if (DeviceIds.problem(key) != null) {
        log.warn("gateway {}: tag \"{}\" left out: TTS attribute keys are 3 to {} lower-case"
            + " letters, digits and single dashes", gateway, tag, DeviceIds.MAX_LENGTH);
      } else if (attributes.containsKey(key)) {
        log.warn("gateway {}: tag \"{}\" left out: its key becomes \"{}\", which another tag"
            + " already has", gateway, tag, key);
      } else if (value.codePointCount(0, value.length()) > TtsLimits.ATTRIBUTE_VALUE_MAX_LENGTH) {
        log.warn("gateway {}: tag \"{}\" left out: its value has {} characters, TTS allows {}",
            gateway, tag, value.codePointCount(0, value.length()),
            TtsLimits.ATTRIBUTE_VALUE_MAX_LENGTH);
      } else if (attributes.size() == TtsLimits.MAX_ATTRIBUTES) {
        log.warn("gateway {}: tag \"{}\" left out: TTS allows at most {} attributes", gateway, tag,
            TtsLimits.MAX_ATTRIBUTES);
      } else {
        if (!key.equals(tag)) {
          log.warn("gateway {}: tag \"{}\" exported as attribute \"{}\" (TTS attribute key rules)",
              gateway, tag, key);
        }
        attributes.put(key, value);
      }
    });
    return attributes;
  }
}
