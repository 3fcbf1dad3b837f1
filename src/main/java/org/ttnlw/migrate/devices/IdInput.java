package org.ttnlw.migrate.devices;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.ControlCharacters;
import org.ttnlw.migrate.core.IdSyntax;

/**
 * IDs to export, from the command line or, with none there, one per line on stdin. All of them
 * are read and checked before anything is exported, so that a bad ID late in a long list cannot
 * stop a run half-way: every invalid ID is listed in one message, with its line (or argument).
 * Blank lines, surrounding white space, CRLF line ends and a UTF-8 byte order mark are tolerated;
 * an ID seen before (in any spelling the source treats as the same) is skipped with a warning.
 * Stdin without a single ID is an error, not an export of nothing.
 */
public final class IdInput implements Iterator<String> {
  private static final Logger log = LoggerFactory.getLogger(IdInput.class);
  private static final int MAX_LINE = 1024;

  private final List<String> all;
  private final Iterator<String> ids;

  private IdInput(Set<String> ids) {
    this.all = List.copyOf(ids);
    this.ids = all.iterator();
  }

  /** Every ID, in order, whatever has been taken so far. */
  public List<String> all() {
    return all;
  }

  /**
   * Reads and checks every ID: {@code arguments}, or all of {@code stdin} when there are none.
   *
   * @param kind what the IDs are, for messages: "device" or "application"
   * @param syntax how the source writes them
   * @throws InvalidInputException naming every invalid ID, or saying that stdin held none
   */
  public static IdInput of(String kind, IdSyntax syntax, List<String> arguments,
      InputStream stdin) {
    Checked checked = new Checked(kind, syntax);
    if (!arguments.isEmpty()) {
      arguments.forEach(argument -> checked.add(argument,
          "argument \"" + Checked.printable(argument) + "\""));
      checked.throwIfInvalid("among the arguments");
      return new IdInput(checked.ids);
    }
    return read(checked, stdin, "stdin", "on stdin", ": give them as arguments, or one per line"
        + " on stdin (e.g. < " + kind + "_ids.txt)");
  }

  /**
   * Reads and checks every ID of a file, one per line, as stdin is read.
   *
   * @param flag the flag that named the file, for messages
   * @throws InvalidInputException naming every invalid ID, or saying that the file held none or
   *     cannot be read
   */
  public static IdInput ofFile(String kind, IdSyntax syntax, Path file, String flag) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(new Checked(kind, syntax), in, flag + " " + file, "in " + flag + " " + file,
          " in " + flag + " " + file + ": write one per line");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + flag + " " + file + " ("
          + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()) + ")");
    } catch (UncheckedIOException e) {
      throw new InvalidInputException("cannot read " + flag + " " + file + " ("
          + e.getCause().getMessage() + ")");
    }
  }

  /**
   * @param name what is read, before "line N"
   * @param where what is read, after "invalid IDs": "on stdin"
   * @param whenEmpty what follows "no device IDs" in the message
   */
  private static IdInput read(Checked checked, InputStream in, String name, String where,
      String whenEmpty) {
    Lines lines = new Lines(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (Line line = lines.next(); line != null; line = lines.next()) {
      checked.add(line, name + " line " + line.number());
    }
    checked.throwIfInvalid(where);
    if (checked.ids.isEmpty()) {
      throw new InvalidInputException("no " + checked.kind + " IDs" + whenEmpty);
    }
    return new IdInput(checked.ids);
  }

  @Override
  public boolean hasNext() {
    return ids.hasNext();
  }

  @Override
  public String next() {
    return ids.next();
  }

  /** The valid IDs in their first order, once each, and what is wrong with the others. */
  private static final class Checked {
    private final String kind;
    private final IdSyntax syntax;
    private final Set<String> ids = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();

    Checked(String kind, IdSyntax syntax) {
      this.kind = kind;
      this.syntax = syntax;
    }

    /** An argument: unlike a blank line, an empty argument is a mistake (an unset variable). */
    void add(String argument, String where) {
      check(new Line(0, argument, argument.length()), where);
    }

    void add(Line line, String where) {
      if (!line.text().isBlank() || line.length() > line.text().length()) {
        check(line, where);
      }
    }

    private void check(Line line, String where) {
      String id = line.text().strip();
      if (line.length() > line.text().length() || id.length() > MAX_LINE) {
        problems.add(where + ": not a " + kind + " ID (" + line.length() + " characters)");
        return;
      }
      String problem = syntax.problem(id);
      if (problem != null) {
        problems.add(where + ": \"" + printable(id) + "\" is not a valid " + kind + " ID: "
            + problem);
        return;
      }
      String canonical = syntax.canonical(id);
      if (!ids.add(canonical)) {
        log.warn("{}: {} ID {} was given before; exporting it once", where, kind, canonical);
      }
    }

    /** @param where e.g. "on stdin" */
    void throwIfInvalid(String where) {
      if (problems.isEmpty()) {
        return;
      }
      String count = problems.size() == 1 ? "1 invalid " + kind + " ID"
          : problems.size() + " invalid " + kind + " IDs";
      throw new InvalidInputException(count + " " + where + "; nothing was exported or"
          + " changed:\n  " + String.join("\n  ", problems));
    }

    /** At most 80 characters of {@code text}, escaped: its problem is printed line by line. */
    static String printable(String text) {
      if (text.codePointCount(0, text.length()) <= 80) {
        return ControlCharacters.escape(text);
      }
      return ControlCharacters.escape(text.substring(0, text.offsetByCodePoints(0, 80))) + "...";
    }
  }

  /** An ID on the command line or stdin that the source would refuse, or no ID at all. */
  public static final class InvalidInputException extends RuntimeException {
    InvalidInputException(String message) {
      super(message);
    }

    /** The message's lines: the IDs in it are escaped, so each line break is this class's. */
    public List<String> lines() {
      return getMessage().lines().toList();
    }
  }

  /**
   * A line of stdin, without its line end: at most {@link #MAX_LINE} + 1 characters of it are
   * kept, so that a file that is not a list of IDs cannot fill the memory.
   *
   * @param length how long the line really is
   */
  private record Line(int number, String text, int length) {}

  /** The lines of stdin, ended by LF (a CR before it is white space, stripped with the rest). */
  private static final class Lines {
    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int end;
    private int number;

    Lines(Reader reader) {
      this.reader = reader;
    }

    /** The next line, or null at the end of stdin. */
    Line next() {
      StringBuilder text = new StringBuilder();
      int length = 0;
      while (fill()) {
        char c = buffer[position++];
        if (c == '\n') {
          return line(text, length);
        }
        if (number == 0 && length == 0 && c == '\uFEFF') {
          continue;
        }
        if (length++ <= MAX_LINE) {
          text.append(c);
        }
      }
      return length == 0 ? null : line(text, length);
    }

    private Line line(StringBuilder text, int length) {
      return new Line(++number, text.toString(), length);
    }

    private boolean fill() {
      if (position < end) {
        return true;
      }
      try {
        end = reader.read(buffer);
      } catch (IOException e) {
        throw new UncheckedIOException("reading IDs from stdin failed", e);
      }
      position = 0;
      return end > 0;
    }
  }
}
