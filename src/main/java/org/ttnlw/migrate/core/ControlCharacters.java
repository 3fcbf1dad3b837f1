package org.ttnlw.migrate.core;

/**
 * The one escaper for text from outside (IDs, names, CSV cells, servers' answers) on its way to
 * the terminal: every character that moves the cursor, starts an escape sequence, reorders text
 * or breaks a line becomes a visible {@code \\uXXXX}. Those are the C0 and C1 controls and DEL
 * (ESC, CR, LF, NUL, BEL, ...), the format characters (bidi overrides and isolates, zero-width
 * marks), the Unicode line and paragraph separators, and U+FFFD (what undecodable input was
 * read as).
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /** {@code text} with each such character written as {@code \\uXXXX}. */
  public static String escape(String text) {
    if (text.codePoints().noneMatch(ControlCharacters::isControl)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      if (isControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /** Whether {@link #escape} escapes {@code c}. */
  public static boolean isControl(int c) {
    return Character.isISOControl(c) || c == 0xFFFD
        || switch (Character.getType(c)) {
          case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
          default -> false;
        };
  }
}
