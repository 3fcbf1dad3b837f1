package org.ttnlw.migrate.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.ttnlw.migrate.core.TerminalText;
import org.ttnlw.migrate.pipeline.ProgressReport;

/**
 * stderr as the tool prints to it. Each text printed ({@code print}, {@code println}) is one
 * message, which may hold text from outside: keys in it are masked and its control characters,
 * line breaks too, escaped ({@link TerminalText#line}), so that an ID cannot clear the screen,
 * move the cursor or start a forged line. Bytes written pass as they are: they are the tool's own
 * lines with their terminal control, the log's (whose messages its encoder escapes, see
 * {@link TerminalMessageConverter}) and the live progress line's. Beside a live progress line,
 * each message first clears it, so that the two never share a row (Ctrl-C's message included).
 */
final class EscapingStderr extends PrintStream {
  private final PrintStream raw;
  private final byte[] beforeMessage;
  private boolean midLine;

  private EscapingStderr(PrintStream raw, boolean liveLine) {
    super(raw, true);
    this.raw = raw;
    this.beforeMessage = (liveLine ? ProgressReport.clearLine() : "")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** @param liveLine whether a live progress line may be on the last row of stderr */
  static PrintStream wrap(PrintStream stderr, boolean liveLine) {
    return stderr instanceof EscapingStderr ? stderr : new EscapingStderr(stderr, liveLine);
  }

  @Override
  public synchronized void print(String text) {
    startMessage();
    raw.print(TerminalText.line(String.valueOf(text)));
    midLine = true;
  }

  /** Clears the live line unless this message goes on a row a message started. */
  private void startMessage() {
    if (!midLine) {
      raw.write(beforeMessage, 0, beforeMessage.length);
    }
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
  public synchronized void println(String text) {
    startMessage();
    raw.println(TerminalText.line(String.valueOf(text)));
    midLine = false;
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
