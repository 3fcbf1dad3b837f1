package org.ttnlw.migrate.core;

/**
 * A message as it may reach stderr: one line, whatever text from outside it holds, with no key
 * in it.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code message} with keys masked and control characters, line breaks too, escaped. */
  public static String line(String message) {
    return ControlCharacters.escape(Secrets.mask(message));
  }
}
