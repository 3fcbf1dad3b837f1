package org.ttnlw.migrate.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.source.IdSyntax;
import org.ttnlw.migrate.source.SourceConfigException;

/**
 * IDs to export, from the command line or, with none there, one per line on stdin.
 * Blank lines, surrounding white space, CRLF line ends and a UTF-8 byte order mark
 * are tolerated; an invalid ID stops the input with a message naming it and its
 * line; an ID seen before (in any spelling the source treats as the same) is skipped with a
 * warning. Stdin without a single ID is a configuration error, not an export of nothing.
 */
public final class IdInput implements Iterator<String> {
  private static final Logger log = LoggerFactory.getLogger(IdInput.class);
  private static final int MAX_LINE = 1024;

  private final String kind;
  private final IdSyntax syntax;
  private final Iterator<String> lines;
  private final boolean fromStdin;
  private final Set<String> seen = new HashSet<>();
  private String next;
  private int lineNumber;

  private IdInput(String kind, IdSyntax syntax, Iterator<String> lines, boolean fromStdin) {
    this.kind = kind;
    this.syntax = syntax;
    this.lines = lines;
    this.fromStdin = fromStdin;
  }

  /**
   * @param kind what the IDs are, for messages: "device" or "application"
   * @param syntax how the source writes them
   */
  public static IdInput of(String kind, IdSyntax syntax, List<String> arguments,
      InputStream stdin) {
    if (!arguments.isEmpty()) {
      IdInput input = new IdInput(kind, syntax, arguments.iterator(), false);
      input.checkAll(arguments);
      return input;
    }
    BufferedReader reader = new BufferedReader(
        new InputStreamReader(stdin, StandardCharsets.UTF_8), 64 * 1024);
    return new IdInput(kind, syntax, new LineIterator(reader), true);
  }

  private void checkAll(List<String> arguments) {
    for (String argument : arguments) {
      check(argument.strip(), "argument \"" + argument + "\"");
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null && lines.hasNext()) {
      lineNumber++;
      String id = lines.next().strip();
      if (lineNumber == 1 && id.startsWith("\uFEFF")) {
        id = id.substring(1).strip();
      }
      if (id.isEmpty()) {
        continue;
      }
      String where = fromStdin ? "stdin line " + lineNumber : "argument \"" + id + "\"";
      check(id, where);
      id = syntax.canonical(id);
      if (!seen.add(id)) {
        log.warn("{}: {} ID {} was given before; exporting it once", where, kind, id);
        continue;
      }
      next = id;
    }
    if (next == null && fromStdin && seen.isEmpty()) {
      throw new SourceConfigException("no " + kind + " IDs: give them as arguments, or one per"
          + " line on stdin (e.g. < " + kind + "_ids.txt)");
    }
    return next != null;
  }

  private void check(String id, String where) {
    if (id.length() > MAX_LINE) {
      throw new InvalidInputException(where + ": not a " + kind + " ID (" + id.length()
          + " characters)");
    }
    String problem = syntax.problem(id);
    if (problem != null) {
      throw new InvalidInputException(where + ": \"" + printable(id) + "\" is not a valid " + kind
          + " ID: " + problem);
    }
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(80).forEach(c -> {
      if (Character.isISOControl(c) || c == 0xFFFD) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return text.codePointCount(0, text.length()) > 80 ? out + "..." : out.toString();
  }

  @Override
  public String next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    String id = next;
    next = null;
    return id;
  }

  /** An ID on the command line or stdin that the source would refuse. */
  public static final class InvalidInputException extends RuntimeException {
    InvalidInputException(String message) {
      super(message);
    }
  }

  private static final class LineIterator implements Iterator<String> {
    private final BufferedReader reader;
    private String line;
    private boolean done;

    LineIterator(BufferedReader reader) {
      this.reader = reader;
    }

    @Override
    public boolean hasNext() {
      if (line == null && !done) {
        try {
          line = reader.readLine();
        } catch (IOException e) {
          throw new UncheckedIOException("reading IDs from stdin failed", e);
        }
        done = line == null;
      }
      return line != null;
    }

    @Override
    public String next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      String current = line;
      line = null;
      return current;
    }
  }
}
