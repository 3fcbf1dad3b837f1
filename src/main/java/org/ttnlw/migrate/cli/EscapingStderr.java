package org.ttnlw.migrate.cli;

import java.io.PrintStream;
import org.ttnlw.migrate.core.TerminalText;

/**
 * stderr as the tool prints to it. Each text printed ({@code print}, {@code println}) is one
 * message, which may hold text from outside: keys in it are masked and its control characters,
 * line breaks too, escaped ({@link TerminalText#line}), so that an ID cannot clear the screen,
 * move the cursor or start a forged line. Bytes written pass as they are: they are the tool's own
 * lines with their terminal control, the log's (whose messages its encoder escapes, see
 * {@link TerminalMessageConverter}) and the live progress line's.
 */
final class EscapingStderr extends PrintStream {
  private final PrintStream raw;

  private EscapingStderr(PrintStream raw) {
    super(raw, true);
    this.raw = raw;
  }

  static PrintStream wrap(PrintStream stderr) {
    return stderr instanceof EscapingStderr ? stderr : new EscapingStderr(stderr);
  }

  @Override
  public void print(String text) {
    raw.print(TerminalText.line(String.valueOf(text)));
  }

  @Override
  public void print(Object value) {
    print(String.valueOf(value));
  }

  @Override
  public void print(char[] text) {
    print(new String(text));
  }

  @Override
  public void print(char c) {
    print(String.valueOf(c));
  }

  @Override
  public void println(String text) {
    raw.println(TerminalText.line(String.valueOf(text)));
  }

  @Override
  public void println(Object value) {
    println(String.valueOf(value));
  }

  @Override
  public void println(char[] text) {
    println(new String(text));
  }

  @Override
  public void println(char c) {
    println(String.valueOf(c));
  }
}
