package org.ttnlw.migrate.source.lorawan;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * TTS's limits on what a source copies into a device (TTS v3.32 {@code EndDevice}) or an
 * application, which has the same: a name of at most 50 characters, a description of at most
 * 2000, at most 10 attributes whose keys are IDs of at most 36 characters and whose values have at
 * most 200. What goes over is cut, or a key made valid, with a warning naming the device or
 * application, so that TTS never refuses it at import. Lengths count Unicode code points, as TTS
 * does, and a cut never splits a character.
 */
public final class TtsLimits {
  public static final int NAME_MAX_LENGTH = 50;
  public static final int DESCRIPTION_MAX_LENGTH = 2000;
  public static final int MAX_ATTRIBUTES = 10;
  public static final int ATTRIBUTE_KEY_MAX_LENGTH = 36;
  public static final int ATTRIBUTE_VALUE_MAX_LENGTH = 200;

  private static final Logger log = LoggerFactory.getLogger(TtsLimits.class);
  private static final Pattern KEY = Pattern.compile("^[a-z0-9](?:-?[a-z0-9]){2,}$");
  private static final Pattern NOT_KEY_CHARACTERS = Pattern.compile("[^a-z0-9]+");

  private TtsLimits() {}

  /** Why TTS would refuse {@code id} as a device ID, or empty when it accepts it. */
  public static Optional<String> deviceIdProblem(String id) {
    return Optional.ofNullable(DeviceIds.problem(id));
  }

  /** The device with its name, description and attributes brought within TTS's limits. */
  public static EndDevice apply(String device, EndDevice in) {
    EndDevice.Builder out = in.toBuilder();
    out.setName(name(device, in.getName()));
    out.setDescription(description(device, in.getDescription()));
    out.clearAttributes().putAllAttributes(attributes(device, in.getAttributesMap()));
    return out.build();
  }

  /** The application with its name, description and attributes brought within TTS's limits. */
  public static Application apply(String applicationId, Application in) {
    String subject = "application " + applicationId;
    return in.toBuilder()
        .setName(cut(subject, "name", in.getName(), NAME_MAX_LENGTH))
        .setDescription(cut(subject, "description", in.getDescription(), DESCRIPTION_MAX_LENGTH))
        .clearAttributes().putAllAttributes(attributesOf(subject, in.getAttributesMap()))
        .build();
  }

  /** The name, cut to 50 characters with a warning when longer. */
  public static String name(String device, String name) {
    return cut("device " + device, "name", name, NAME_MAX_LENGTH);
  }

  /** The description, cut to 2000 characters with a warning when longer. */
  public static String description(String device, String description) {
    return cut("device " + device, "description", description, DESCRIPTION_MAX_LENGTH);
  }

  /**
   * Attributes TTS accepts, in the given order: a key is lower-cased, with dashes for other
   * characters, and cut to 36; a key that still is not valid, or repeats an earlier one, is dropped;
   * a value is cut to 200; attributes after the tenth are dropped. Each change is warned about.
   */
  public static Map<String, String> attributes(String device, Map<String, String> wanted) {
    return attributesOf("device " + device, wanted);
  }

  /** @param subject "device ID" or "application ID", for the warnings */
  private static Map<String, String> attributesOf(String subject, Map<String, String> wanted) {
    Map<String, String> accepted = new LinkedHashMap<>();
    for (Map.Entry<String, String> attribute : wanted.entrySet()) {
      String original = attribute.getKey();
      Optional<String> key = validKey(original);
      if (key.isEmpty()) {
        log.warn("{}: attribute \"{}\" left out: TTS attribute keys are 3 to {} lower-case"
            + " letters, digits and single dashes", subject, original, ATTRIBUTE_KEY_MAX_LENGTH);
        continue;
      }
      if (accepted.containsKey(key.get())) {
        log.warn("{}: attribute \"{}\" left out: its key becomes \"{}\", which an earlier"
            + " attribute already has", subject, original, key.get());
        continue;
      }
      if (accepted.size() == MAX_ATTRIBUTES) {
        log.warn("{}: attribute \"{}\" left out: TTS allows at most {} attributes", subject,
            original, MAX_ATTRIBUTES);
        continue;
      }
      if (!key.get().equals(original)) {
        log.warn("{}: attribute \"{}\" exported as \"{}\" (TTS attribute key rules)",
            subject, original, key.get());
      }
      accepted.put(key.get(), cut(subject, "attribute " + key.get(), attribute.getValue(),
          ATTRIBUTE_VALUE_MAX_LENGTH));
    }
    return accepted;
  }

  /** The key TTS accepts for {@code key}, or empty when there is none. */
  public static Optional<String> validKey(String key) {
    String made = NOT_KEY_CHARACTERS.matcher(key.toLowerCase(Locale.ROOT)).replaceAll("-");
    made = trimDashes(made);
    if (made.length() > ATTRIBUTE_KEY_MAX_LENGTH) {
      made = trimDashes(made.substring(0, ATTRIBUTE_KEY_MAX_LENGTH));
    }
    return KEY.matcher(made).matches() ? Optional.of(made) : Optional.empty();
  }

  private static String trimDashes(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '-') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '-') {
      end--;
    }
    return text.substring(start, end);
  }

  /**
   * {@code text} cut to {@code maxLength} characters, with a warning naming {@code subject} (e.g.
   * {@code gateway 0016c001ff10a235}) when it was longer.
   */
  public static String cut(String subject, String what, String text, int maxLength) {
    int length = text.codePointCount(0, text.length());
    if (length <= maxLength) {
      return text;
    }
    log.warn("{}: {} cut to the {} characters TTS allows (it had {})", subject, what,
        maxLength, length);
    return text.substring(0, text.offsetByCodePoints(0, maxLength));
  }
}
