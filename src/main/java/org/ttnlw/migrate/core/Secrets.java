package org.ttnlw.migrate.core;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks whatever looks like a key in a message, wherever it came from: an operator who pastes an
 * API key into the wrong flag or as an ID must not find it echoed on the terminal, in a CI log or
 * in a bug report. Recognised: TTS API keys ({@code NNSXS.}), JSON web tokens (ChirpStack API
 * keys), AWS secret access keys (40 characters of base64 with upper and lower case letters and a
 * digit), and PEM private keys. A mask keeps what tells the kind of key apart, e.g.
 * {@code NNSXS.ABC...(masked)}, and is never masked again.
 */
public final class Secrets {
  static final String MASKED = "...(masked)";

  private static final List<Shape> SHAPES = List.of(
      // TTS: NNSXS.<key ID>.<secret>; the first characters of the key ID stay, to tell keys apart.
      new Shape("(?<![A-Za-z0-9])(NNSXS\\.[A-Za-z0-9]{3})[A-Za-z0-9._-]{5,}", false),
      // A JSON web token: base64url of '{"', then more segments.
      new Shape("(?<![A-Za-z0-9_-])(eyJ)[A-Za-z0-9_-]{10,}(?:\\.[A-Za-z0-9_-]*)*", false),
      new Shape("(?<![A-Za-z0-9/+])()[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])", true),
      new Shape("(?s)(-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----).*?(?:-----END [A-Z0-9 ]*PRIVATE"
          + " KEY-----|\\z)", false));

  private Secrets() {}

  /** {@code text} with every key in it masked. */
  public static String mask(String text) {
    String masked = text;
    for (Shape shape : SHAPES) {
      masked = shape.mask(masked);
    }
    return masked;
  }

  /**
   * @param pattern matches a whole key; its group 1 is what stays visible
   * @param mixed whether only a match with upper and lower case letters and a digit is a key
   */
  private record Shape(Pattern pattern, boolean mixed) {
    Shape(String pattern, boolean mixed) {
      this(Pattern.compile(pattern), mixed);
    }

    String mask(String text) {
      Matcher matcher = pattern.matcher(text);
      StringBuilder out = new StringBuilder();
      while (matcher.find()) {
        String key = matcher.group();
        String replacement = mixed && !isMixed(key) ? key : matcher.group(1) + MASKED;
        matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      return matcher.appendTail(out).toString();
    }

    private static boolean isMixed(String key) {
      return key.chars().anyMatch(Character::isUpperCase)
          && key.chars().anyMatch(Character::isLowerCase)
          && key.chars().anyMatch(Character::isDigit);
    }
  }
}
