package org.ttnlw.migrate.core;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The lines of a UTF-8 text, read as bytes and decoded one line at a time, so that what is wrong
 * with one line spoils only that line: bytes that are not UTF-8 come back as U+FFFD, and a line
 * longer than {@link #MAX_BYTES} comes back empty (it is never held whole), each with its problem
 * named. A byte order mark at the start and a CR before each LF are dropped.
 */
public final class Utf8Lines implements Iterator<Utf8Lines.Line>, Closeable {
  /**
   * The longest line kept: 4 MiB, far above any real record (TTS's largest field, a payload
   * formatter, holds up to 65,536 characters) and small enough to hold in memory.
   */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  /** Says what {@link #MAX_BYTES} is, for messages. */
  public static final String LIMIT = "4 MiB (4,194,304 bytes), the most this tool reads as one"
      + " line or record";

  /**
   * One line, numbered from 1, without its line break.
   *
   * @param problem why the line is not readable text, or null
   */
  public record Line(int number, String text, String problem) {}

  private final InputStream in;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private boolean ended;
  private byte[] line = new byte[256];
  private int length;
  private boolean tooLong;
  private int number;
  private Line next;

  public Utf8Lines(InputStream in) {
    this.in = in;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !ended) {
      try {
        next = read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public Line next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Line current = next;
    next = null;
    return current;
  }

  private Line read() throws IOException {
    length = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          ended = true;
          return any ? decoded() : null;
        }
      }
      any = true;
      int end = position;
      while (end < limit && buffer[end] != '\n') {
        end++;
      }
      keep(position, end);
      position = end;
      if (end < limit) {
        position++;
        return decoded();
      }
    }
  }

  private void keep(int from, int to) {
    if (tooLong || to == from) {
      return;
    }
    if (length + (to - from) > MAX_BYTES) {
      tooLong = true;
      return;
    }
    if (length + (to - from) > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, length + (to - from)));
    }
    System.arraycopy(buffer, from, line, length, to - from);
    length += to - from;
  }

  private Line decoded() {
    number++;
    if (tooLong) {
      return new Line(number, "", "longer than " + LIMIT);
    }
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    int start = number == 1 && end >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
        && (line[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer bytes = ByteBuffer.wrap(line, start, end - start);
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    CharBuffer text = CharBuffer.allocate(end - start);
    if (!strict.decode(bytes, text, true).isError()) {
      strict.flush(text);
      return new Line(number, text.flip().toString(), null);
    }
    int bad = bytes.position();
    String problem = String.format("not UTF-8 text (byte 0x%02X at byte %d of the line)",
        line[bad] & 0xFF, bad - start + 1);
    String replaced = new String(line, start, end - start, StandardCharsets.UTF_8);
    return new Line(number, replaced, problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
