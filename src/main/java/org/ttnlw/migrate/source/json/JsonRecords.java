package org.ttnlw.migrate.source.json;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.ttnlw.migrate.core.Utf8Lines;

/**
 * The top-level JSON objects of a text, each with the line it starts on: one object per line
 * (JSON lines), a JSON array of objects (one per line or pretty-printed), or pretty-printed
 * objects one after another. No record ever takes in the next:
 *
 * <ul>
 *   <li>The first object that closes cleanly decides the shape. If it starts and ends on one line
 *       with nothing else there, the text is JSON lines: from then on every line is a record of
 *       its own, and a line never continues onto the next.
 *   <li>Otherwise objects are told apart by their braces (outside strings), bounded by the
 *       indentation pretty-printers write: a line indented no deeper than the line an object
 *       started on either closes it with its first {@code }} or starts something new, so an
 *       object left open there ends as a broken record. A string never runs past its line.
 * </ul>
 *
 * A record that cannot be an object carries its problem: a line that is not UTF-8 or is too long,
 * an object never closed, text between objects other than white space, commas and the array's
 * brackets (returned up to the end of its line).
 */
final class JsonRecords implements Iterator<JsonRecords.Record> {
  /**
   * One record.
   *
   * @param problem why it is not an object, or null when the JSON parser is to judge it (text
   *     between objects has none: it does not start with a brace)
   */
  record Record(int line, String text, String problem) {}

  private final Iterator<Utf8Lines.Line> lines;
  private final ArrayDeque<Record> ready = new ArrayDeque<>();
  private boolean jsonLines;
  private boolean decided;
  private boolean started;
  private boolean inArray;
  private Open open;

  JsonRecords(Iterator<Utf8Lines.Line> lines) {
    this.lines = lines;
  }

  /** An object being read. */
  private static final class Open {
    final int line;
    final int indent;
    final boolean aloneOnItsLine;
    final StringBuilder text = new StringBuilder("{");
    int depth = 1;
    boolean inString;
    boolean escaped;
    String problem;

    Open(int line, int indent, boolean aloneOnItsLine) {
      this.line = line;
      this.indent = indent;
      this.aloneOnItsLine = aloneOnItsLine;
    }

    void fail(String why) {
      if (problem == null) {
        problem = why;
      }
    }

    void append(char c) {
      if (text.length() < Utf8Lines.MAX_BYTES) {
        text.append(c);
      } else {
        fail("longer than " + Utf8Lines.LIMIT);
      }
    }

    Record record() {
      return new Record(line, problem != null && text.length() >= Utf8Lines.MAX_BYTES ? ""
          : text.toString(), problem);
    }
  }

  @Override
  public boolean hasNext() {
    while (ready.isEmpty() && lines.hasNext()) {
      Utf8Lines.Line line = lines.next();
      if (jsonLines) {
        ownRecord(line);
      } else {
        structured(line);
      }
    }
    if (ready.isEmpty() && open != null) {
      open.fail("the object is not closed by the end of the file");
      end();
    }
    return !ready.isEmpty();
  }

  @Override
  public Record next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return ready.poll();
  }

  /** JSON lines: the line, without the commas and brackets of an array around it. */
  private void ownRecord(Utf8Lines.Line line) {
    String text = line.text().strip();
    if (text.endsWith(",")) {
      text = text.substring(0, text.length() - 1).stripTrailing();
    }
    if (inArray && text.endsWith("]") && line.problem() == null) {
      String before = text.substring(0, text.length() - 1).stripTrailing();
      if (before.isEmpty() || before.endsWith("}")) {
        inArray = false;
        text = before;
      }
    }
    if (!text.isEmpty() || line.problem() != null) {
      ready.add(new Record(line.number(), text, line.problem()));
    }
  }

  private void structured(Utf8Lines.Line line) {
    String text = line.text();
    int indent = 0;
    while (indent < text.length() && (text.charAt(indent) == ' ' || text.charAt(indent) == '\t')) {
      indent++;
    }
    boolean blank = indent == text.length() && line.problem() == null;
    boolean closing = false;
    if (open != null && !blank && indent <= open.indent) {
      if (line.problem() == null && text.charAt(indent) == '}') {
        closing = true;
      } else {
        open.fail("the object is not closed before line " + line.number());
        end();
      }
    }
    if (open == null && line.problem() != null) {
      ready.add(new Record(line.number(), text.strip(), line.problem()));
      return;
    }
    if (open != null && line.problem() != null) {
      open.fail("line " + line.number() + " is " + line.problem());
    }
    scan(line, text, indent, closing);
    if (open != null && open.inString) {
      open.fail("a string is not closed on line " + line.number());
      open.inString = false;
      open.escaped = false;
    }
  }

  private void scan(Utf8Lines.Line line, String text, int indent, boolean closing) {
    boolean lineStart = true;
    if (open != null) {
      open.append('\n');
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (open != null) {
        open.append(c);
        inObject(c, closing && i == indent, line, text, i);
        lineStart &= open != null;
        continue;
      }
      if (Character.isWhitespace(c) || c == ',') {
        continue;
      }
      if (c == '[' && !started) {
        inArray = true;
      } else if (c == ']' && inArray) {
        inArray = false;
      } else if (c == '{') {
        open = new Open(line.number(), indent, lineStart);
      } else {
        ready.add(new Record(line.number(), text.substring(i).strip(), null));
        started = true;
        return;
      }
      started = true;
    }
  }

  private void inObject(char c, boolean closingBrace, Utf8Lines.Line line, String text, int i) {
    if (open.inString) {
      if (open.escaped) {
        open.escaped = false;
      } else if (c == '\\') {
        open.escaped = true;
      } else if (c == '"') {
        open.inString = false;
      }
      return;
    }
    if (c == '"') {
      open.inString = true;
    } else if (c == '{') {
      open.depth++;
    } else if (c == '}') {
      if (closingBrace && open.depth > 1) {
        open.fail("an object in it is not closed before line " + line.number());
        open.depth = 1;
      }
      if (--open.depth == 0) {
        decide(line, text, i);
        end();
      }
    }
  }

  /** The first object closed cleanly tells JSON lines from pretty-printed objects. */
  private void decide(Utf8Lines.Line line, String text, int closedAt) {
    if (decided || open.problem != null) {
      return;
    }
    decided = true;
    String after = text.substring(closedAt + 1).strip();
    jsonLines = open.aloneOnItsLine && open.line == line.number()
        && after.matches("[,\\]\\s]*");
  }

  private void end() {
    ready.add(open.record());
    open = null;
  }
}
