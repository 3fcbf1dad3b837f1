package org.ttnlw.migrate.source.lorawan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.Utf8Lines;

/**
 * A CSV file read whole, as spreadsheets, WMC and TTS write it: UTF-8 with or without a byte order
 * mark, separated by commas or semicolons as the file's {@link Separator} rule picks from its
 * first line; RFC 4180 quotes (a quoted cell may hold separators, doubled quotes and line breaks);
 * LF or CRLF. The first record names the columns, or, in a file read {@link #withoutHeader}, the
 * columns are named by their position from 1. A short row gets empty cells, with a warning. A row
 * that
 * holds bytes that are not UTF-8 text, a NUL byte, a line over {@link Utf8Lines#MAX_BYTES} or text
 * after the closing quote of a cell ({@code "x"y}) is kept with its problem, to fail alone; a row
 * with more cells than the header, an unclosed quote, or such a header refuse the file with the
 * line that holds them.
 */
public final class CsvFile {
  private static final Logger log = LoggerFactory.getLogger(CsvFile.class);

  /** How the separator is chosen from the first line of the file. */
  public enum Separator {
    /** {@code ;} when the line has one and no comma, else {@code ,} (spreadsheets, WMC). */
    COMMA_UNLESS_ONLY_SEMICOLONS,
    /** {@code ;} when the line has one, else {@code ,} (TTS's CSV import). */
    SEMICOLON_IF_ANY;

    char of(String firstLine) {
      boolean semicolon = firstLine.indexOf(';') >= 0;
      return switch (this) {
        case COMMA_UNLESS_ONLY_SEMICOLONS -> semicolon && firstLine.indexOf(',') < 0 ? ';' : ',';
        case SEMICOLON_IF_ANY -> semicolon ? ';' : ',';
      };
    }
  }

  /** The column names (from the header, or positions "1", "2", ...) and the data rows. */
  public record Sheet(List<String> header, List<Row> rows) {}

  /**
   * One data row: its line in the file, and its cells by column name ("" when absent).
   *
   * @param problem why the row cannot be read, naming its line(s); null when it can
   */
  public record Row(int line, Map<String, String> cells, String problem) {
    public String get(String column) {
      return cells.getOrDefault(column, "");
    }
  }

  /** A record of cells, the lines it spans, and why it cannot be read (or null). */
  private record Cells(List<String> cells, int line, int lastLine, String problem) {}

  private CsvFile() {}

  /** The file whose first record names the columns. */
  public static Sheet read(Path path, Separator rule) {
    return read(path, rule, true);
  }

  /** The file without a header: every record is a row, its columns named "1", "2", .... */
  public static Sheet withoutHeader(Path path, Separator rule) {
    return read(path, rule, false);
  }

  private static Sheet read(Path path, Separator rule, boolean hasHeader) {
    Map<Integer, String> badLines = new HashMap<>();
    StringBuilder text = new StringBuilder();
    try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(path))) {
      while (lines.hasNext()) {
        Utf8Lines.Line line = lines.next();
        String problem = line.problem() != null ? line.problem()
            : line.text().indexOf('\0') >= 0 ? "binary data (a NUL byte), not CSV text" : null;
        if (problem != null) {
          badLines.put(line.number(), problem);
        }
        text.append(line.text()).append('\n');
      }
    } catch (IOException | UncheckedIOException e) {
      throw new ConfigException("cannot read the CSV file " + path + ": " + e);
    }
    String firstLine = text.toString().lines().findFirst().orElse("");
    List<Cells> records = parse(path, text.toString(), rule.of(firstLine), badLines);
    if (records.isEmpty()) {
      throw new ConfigException("the CSV file " + path + " is empty");
    }
    Cells head = records.get(0);
    if (hasHeader && head.problem() != null) {
      throw new ConfigException(path + " " + head.problem() + " (export the CSV as UTF-8)");
    }
    List<String> header = hasHeader ? head.cells().stream().map(String::strip).toList()
        : positions(records);
    List<Row> rows = new ArrayList<>();
    for (Cells record : records.subList(hasHeader ? 1 : 0, records.size())) {
      List<String> cells = record.cells();
      int line = record.line();
      if (cells.stream().allMatch(String::isBlank) && record.problem() == null) {
        continue;
      }
      if (cells.size() > header.size() && record.problem() == null) {
        throw new ConfigException(path + " line " + line + ": " + cells.size()
            + " cells, but the header names " + header.size() + " columns");
      }
      if (cells.size() < header.size() && record.problem() == null) {
        log.warn("{} line {}: {} cells where the header names {} columns; the missing ones at the"
            + " end are read as empty", path, line, cells.size(), header.size());
      }
      Map<String, String> byName = new HashMap<>();
      for (int c = 0; c < cells.size() && c < header.size(); c++) {
        byName.putIfAbsent(header.get(c), cells.get(c));
      }
      rows.add(new Row(line, byName, record.problem()));
    }
    return new Sheet(header, rows);
  }

  /** "1" to the most cells any record has. */
  private static List<String> positions(List<Cells> records) {
    int widest = records.stream().mapToInt(record -> record.cells().size()).max().orElse(0);
    List<String> names = new ArrayList<>();
    for (int column = 1; column <= widest; column++) {
      names.add(Integer.toString(column));
    }
    return names;
  }

  /** The records of {@code text}, whose lines all end with LF. */
  private static List<Cells> parse(Path path, String text, char separator,
      Map<Integer, String> badLines) {
    List<Cells> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean closed = false;
    boolean any = false;
    String problem = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
          closed = true;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty() && !closed) {
        quoted = true;
        any = true;
      } else if (c == separator) {
        record.add(cell.toString());
        cell.setLength(0);
        closed = false;
        any = true;
      } else if (c == '\n' || c == '\r') {
        // A lone CR ends a record as LF does; CRLF came as LF (Utf8Lines).
        if (any || !cell.isEmpty() || badLines.containsKey(line)) {
          record.add(cell.toString());
          records.add(new Cells(record, recordLine, line,
              problem(recordLine, line, problem, badLines)));
        }
        record = new ArrayList<>();
        cell.setLength(0);
        any = false;
        closed = false;
        problem = null;
        if (c == '\n') {
          line++;
        }
        recordLine = line;
      } else {
        if (closed && problem == null) {
          problem = "text after the closing quote of a cell (a quote inside a quoted cell is"
              + " written as two quotes: \"x\"\"y\")";
        }
        cell.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new ConfigException(path + " line " + recordLine + ": a quote opened here is"
          + " never closed");
    }
    return records;
  }

  /** The problem of the record on lines {@code first} to {@code last}, naming them. */
  private static String problem(int first, int last, String quoting,
      Map<Integer, String> badLines) {
    String where = first == last ? "line " + first : "lines " + first + " to " + last;
    for (int line = first; line <= last; line++) {
      if (badLines.containsKey(line)) {
        return where + ": " + (first == last ? "" : "line " + line + " is ")
            + badLines.get(line);
      }
    }
    return quoting == null ? null : where + ": " + quoting;
  }
}
