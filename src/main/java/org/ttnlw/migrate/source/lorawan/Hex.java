package org.ttnlw.migrate.source.lorawan;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EUIs, DevAddrs and keys as sources write them: hex digits in either case. An empty value is a
 * missing value, never zero bytes.
 */
public final class Hex {
  private static final Logger log = LoggerFactory.getLogger(Hex.class);

  private Hex() {}

  /**
   * The {@code bytes} bytes of {@code text}, or empty when it is null or blank.
   *
   * @param what the value's name for the message, e.g. "AppKey (appKey)"
   * @throws IllegalArgumentException when it is not exactly {@code 2 * bytes} hex digits
   */
  public static Optional<ByteString> parse(String text, int bytes, String what) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String digits = text.strip();
    if (digits.length() != 2 * bytes || !isHex(digits)) {
      throw new IllegalArgumentException(what + " is not " + 2 * bytes + " hex digits"
          + (digits.length() == 2 * bytes ? "" : " (it has " + digits.length() + " characters)"));
    }
    return Optional.of(ByteString.copyFrom(HexFormat.of().parseHex(digits)));
  }

  /**
   * As {@link #parse}, but a value with fewer digits gets zeros in front, with a warning naming the
   * device: a spreadsheet that took the value for a number dropped its leading zeros.
   */
  public static Optional<ByteString> parsePadded(String device, String text, int bytes,
      String what) {
    if (text != null && !text.isBlank() && text.strip().length() < 2 * bytes
        && isHex(text.strip())) {
      String padded = "0".repeat(2 * bytes - text.strip().length()) + text.strip();
      log.warn("device {}: {} \"{}\" has fewer than {} hex digits; read as {} (leading zeros lost"
          + " in a spreadsheet?)", device, what, text.strip(), 2 * bytes, padded);
      return parse(padded, bytes, what);
    }
    return parse(text, bytes, what);
  }

  /** Lower-case hex, the way TTS derives device IDs from DevEUIs. */
  public static String format(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private static boolean isHex(String digits) {
    return digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80);
  }
}
