package org.ttnlw.migrate.source.wanesy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.source.SourceConfigException;

/**
 * A CSV file read whole, as spreadsheets and WMC write it: UTF-8 with or without a byte order
 * mark, separated by commas or, when the header has semicolons and no comma, by semicolons;
 * RFC 4180 quotes (a quoted cell may hold separators, doubled quotes and line breaks); LF or CRLF.
 * The first record names the columns. A short row gets empty cells, with a warning; a row with
 * more cells than the header, an unclosed quote, or bytes that are not UTF-8 text refuse the file
 * with the line that holds them.
 */
final class CsvFile {
  private static final Logger log = LoggerFactory.getLogger(CsvFile.class);

  /** One data row: its line in the file, and its cells by column name ("" when absent). */
  record Row(int line, Map<String, String> cells) {
    String get(String column) {
      return cells.getOrDefault(column, "");
    }
  }

  private CsvFile() {}

  static List<Row> read(Path path) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new SourceConfigException("cannot read the CSV file " + path + ": " + e);
    }
    String text = decode(path, bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    parse(path, text, separator(text), records, lines);
    if (records.isEmpty()) {
      throw new SourceConfigException("the CSV file " + path + " is empty");
    }
    List<String> header = records.get(0).stream().map(String::strip).toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> cells = records.get(i);
      int line = lines.get(i);
      if (cells.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (cells.size() > header.size()) {
        throw new SourceConfigException(path + " line " + line + ": " + cells.size()
            + " cells, but the header names " + header.size() + " columns");
      }
      if (cells.size() < header.size()) {
        log.warn("{} line {}: {} cells where the header names {} columns; the missing ones at the"
            + " end are read as empty", path, line, cells.size(), header.size());
      }
      Map<String, String> byName = new HashMap<>();
      for (int c = 0; c < cells.size(); c++) {
        byName.putIfAbsent(header.get(c), cells.get(c));
      }
      rows.add(new Row(line, byName));
    }
    if (!header.contains("devEui")) {
      throw new SourceConfigException("the CSV file " + path + " has no devEui column; its header"
          + " is: " + String.join(", ", header));
    }
    return rows;
  }

  private static String decode(Path path, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new SourceConfigException(path + " line " + lineAt(bytes, in.position())
          + ": not UTF-8 text (export the CSV as UTF-8)");
    }
    decoder.flush(out);
    String text = out.flip().toString();
    int nul = text.indexOf('\0');
    if (nul >= 0) {
      throw new SourceConfigException(path + " line " + (1 + text.substring(0, nul).chars()
          .filter(c -> c == '\n').count()) + ": binary data (a NUL byte), not CSV text");
    }
    return text;
  }

  private static long lineAt(byte[] bytes, int position) {
    long line = 1;
    for (int i = 0; i < position && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static char separator(String text) {
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    return header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
  }

  private static void parse(Path path, String text, char separator, List<List<String>> records,
      List<Integer> lines) {
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.isEmpty()) {
        quoted = true;
        any = true;
      } else if (c == separator) {
        record.add(cell.toString());
        cell.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || !cell.isEmpty()) {
          record.add(cell.toString());
          records.add(record);
          lines.add(recordLine);
        }
        record = new ArrayList<>();
        cell.setLength(0);
        any = false;
        line++;
        recordLine = line;
      } else {
        cell.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new SourceConfigException(path + " line " + recordLine + ": a quote opened here is"
          + " never closed");
    }
    if (any || !cell.isEmpty()) {
      record.add(cell.toString());
      records.add(record);
      lines.add(recordLine);
    }
  }
}
