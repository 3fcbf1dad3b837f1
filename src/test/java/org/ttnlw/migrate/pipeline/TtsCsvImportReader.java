package org.ttnlw.migrate.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TTS's CSV import as its documentation describes it, written apart from the tool's own reader to
 * check what the tool writes: a header is required and must name a known column; the separator
 * is {@code ;} when the header line holds one, else {@code ,}; RFC 4180 quoting; a UTF-8 BOM is
 * skipped; every row has as many cells as the header; unknown columns are ignored; a row without
 * {@code id} gets {@code eui-<lower-case dev_eui>}.
 */
final class TtsCsvImportReader {
  static final Set<String> KNOWN = Set.of("id", "dev_eui", "join_eui", "app_eui", "name",
      "description", "frequency_plan_id", "lorawan_version", "lorawan_phy_version", "brand_id",
      "model_id", "hardware_version", "firmware_version", "band_id", "vendor_id",
      "vendor_profile_id", "app_key", "nwk_key", "rx1_delay", "supports_32_bit_f_cnt",
      "supports_class_c", "dev_addr", "app_s_key", "f_nwk_s_int_key", "last_f_cnt_up",
      "last_n_f_cnt_down", "last_a_f_cnt_down");

  private TtsCsvImportReader() {}

  /** The rows, each its known columns' values, with {@code id} filled in. */
  static List<Map<String, String>> read(String text) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int end = text.indexOf('\n');
    String headerLine = end < 0 ? text : text.substring(0, end);
    char separator = headerLine.indexOf(';') >= 0 ? ';' : ',';
    List<List<String>> records = records(text, separator);
    List<String> header = records.get(0);
    if (header.stream().noneMatch(KNOWN::contains)) {
      throw new IllegalArgumentException("no known column in the header " + header);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> record : records.subList(1, records.size())) {
      if (record.size() != header.size()) {
        throw new IllegalArgumentException(record.size() + " cells, header has " + header.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        if (KNOWN.contains(header.get(i))) {
          row.put(header.get(i).equals("app_eui") ? "join_eui" : header.get(i), record.get(i));
        }
      }
      if (row.getOrDefault("id", "").isEmpty()) {
        row.put("id", "eui-" + row.get("dev_eui").toLowerCase());
      }
      rows.add(row);
    }
    return rows;
  }

  /** RFC 4180: quoted fields may hold the separator, CR, LF and doubled quotes. */
  private static List<List<String>> records(String text, char separator) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"' && field.isEmpty()) {
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("unclosed quote");
          }
          if (text.charAt(i) == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field.append(text.charAt(i++));
        }
        continue;
      }
      if (c == separator) {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        i++;
        continue;
      } else if (c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(c);
      }
      i++;
    }
    if (!field.isEmpty() || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
