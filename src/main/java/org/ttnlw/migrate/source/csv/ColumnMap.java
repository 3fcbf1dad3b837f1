package org.ttnlw.migrate.source.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.source.lorawan.TtsCsvColumns;

/**
 * Where each field of TTS's CSV format is in a sheet: by header name, or, for a sheet without a
 * header, by position from 1. Without a map, every field is in the column of its own name, and
 * {@code join_eui} may also be in {@code app_eui}.
 *
 * @param columns the sheet's column for each field the operator named
 * @param positional whether the columns are positions, so the sheet has no header
 */
record ColumnMap(Map<String, String> columns, boolean positional) {
  static final ColumnMap TTS = new ColumnMap(Map.of(), false);

  /** The map of {@code --columns} and {@code --columns-file} (both adding up), or {@link #TTS}. */
  static ColumnMap from(String flag, Path file) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (file != null) {
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException e) {
        throw new ConfigException("cannot read the --columns-file " + file + ": " + e);
      }
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          put(columns, line, file + " line " + (i + 1));
        }
      }
    }
    if (flag != null) {
      for (String pair : flag.split(",")) {
        put(columns, pair.strip(), "--columns");
      }
    }
    if (columns.isEmpty()) {
      return TTS;
    }
    long positions = columns.values().stream().filter(ColumnMap::isPosition).count();
    if (positions != 0 && positions != columns.size()) {
      throw new ConfigException("--columns names some columns by position and some by header;"
          + " a sheet has a header (use names) or not (use positions from 1)");
    }
    return new ColumnMap(Map.copyOf(columns), positions != 0);
  }

  private static void put(Map<String, String> columns, String pair, String where) {
    int equals = pair.indexOf('=');
    String field = equals < 0 ? pair : pair.substring(0, equals).strip();
    String column = equals < 0 ? "" : pair.substring(equals + 1).strip();
    if (!TtsCsvColumns.ALL.contains(field)) {
      throw new ConfigException(where + ": \"" + field + "\" is not a field of TTS's CSV"
          + " format; the fields are " + String.join(", ", TtsCsvColumns.ALL));
    }
    if (column.isEmpty()) {
      throw new ConfigException(where + ": write FIELD=COLUMN, e.g. dev_eui=DevEUI (\"" + pair
          + "\")");
    }
    if (column.matches("0+")) {
      throw new ConfigException(where + ": positions count from 1 (\"" + pair + "\")");
    }
    columns.put(field, column.matches("[0-9]+") ? column.replaceFirst("^0+", "") : column);
  }

  private static boolean isPosition(String column) {
    return column.matches("[1-9][0-9]*");
  }

  /** The sheet's column of {@code field}, given its header (or positions); empty if none. */
  Optional<String> columnOf(String field, List<String> header) {
    String mapped = columns.get(field);
    if (mapped != null) {
      return Optional.of(mapped);
    }
    if (positional) {
      return Optional.empty();
    }
    if (header.contains(field)) {
      return Optional.of(field);
    }
    return field.equals(TtsCsvColumns.JOIN_EUI) && header.contains(TtsCsvColumns.APP_EUI)
        ? Optional.of(TtsCsvColumns.APP_EUI) : Optional.empty();
  }

  /** Fails when a mapped column is not in the sheet, or the sheet has no DevEUI column. */
  void check(Path sheet, List<String> header) {
    columns.forEach((field, column) -> {
      if (!header.contains(column)) {
        throw new ConfigException(positional
            ? "--columns " + field + "=" + column + ": " + sheet + " has only " + header.size()
                + " columns"
            : "--columns " + field + "=" + column + ": " + sheet + " has no column \"" + column
                + "\"; its header is: " + String.join(", ", header));
      }
    });
    if (columnOf(TtsCsvColumns.DEV_EUI, header).isEmpty()) {
      throw new ConfigException(positional
          ? "--columns names no position for dev_eui, which every device needs"
          : sheet + " has no dev_eui column (TTS's CSV format) and --columns maps none; its"
              + " header is: " + String.join(", ", header));
    }
  }
}
