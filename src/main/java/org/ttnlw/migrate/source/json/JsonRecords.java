package org.ttnlw.migrate.source.json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The top-level JSON objects of a text, with the line each starts on: one object per line, a JSON
 * array of objects, or pretty-printed objects one after another. Objects are told apart by their
 * braces (outside strings), so one malformed object does not hide the next; text between objects
 * other than white space, commas and the array's brackets is returned as a record of its own, for
 * the reader to reject.
 */
final class JsonRecords implements Iterator<JsonRecords.Record> {
  /** One object's text, or text that is not an object. */
  record Record(int line, String text) {}

  private final BufferedReader reader;
  private int line = 1;
  private int pushedBack = -1;
  private boolean inArray;
  private boolean started;
  private Record next;

  JsonRecords(BufferedReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = read();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return next != null;
  }

  @Override
  public Record next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Record current = next;
    next = null;
    return current;
  }

  private int read1() throws IOException {
    int c = pushedBack >= 0 ? pushedBack : reader.read();
    pushedBack = -1;
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private Record read() throws IOException {
    int c;
    while ((c = read1()) != -1) {
      if (c == '\uFEFF' && !started || Character.isWhitespace(c) || c == ',') {
        continue;
      }
      if (c == '[' && !started && !inArray) {
        inArray = true;
        started = true;
        continue;
      }
      if (c == ']' && inArray) {
        inArray = false;
        continue;
      }
      started = true;
      return c == '{' ? object() : stray(c);
    }
    return null;
  }

  private Record object() throws IOException {
    int start = line;
    StringBuilder text = new StringBuilder("{");
    int depth = 1;
    boolean inString = false;
    boolean escaped = false;
    int c;
    while (depth > 0 && (c = read1()) != -1) {
      text.append((char) c);
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
    }
    return new Record(start, text.toString());
  }

  /** Text that is not an object: up to the end of its line. */
  private Record stray(int first) throws IOException {
    int start = line;
    StringBuilder text = new StringBuilder().appendCodePoint(first);
    int c;
    while ((c = read1()) != -1 && c != '\n') {
      if (c == '{' && text.toString().isBlank()) {
        pushedBack = c;
        break;
      }
      text.append((char) c);
    }
    return new Record(start, text.toString().strip());
  }
}
