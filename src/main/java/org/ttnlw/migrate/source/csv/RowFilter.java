package org.ttnlw.migrate.source.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.source.lorawan.CsvFile;

/**
 * The {@code --where} filter: a row is read when, for every column named, its value (without
 * surrounding blanks) is one of the values given for that column.
 */
record RowFilter(Map<String, Set<String>> wanted) {
  static RowFilter from(List<String> flags) {
    Map<String, Set<String>> wanted = new LinkedHashMap<>();
    for (String flag : flags) {
      int equals = flag.indexOf('=');
      if (equals <= 0) {
        throw new ConfigException("--where " + flag + ": write COLUMN=VALUE, e.g."
            + " --where 1=CREATE_OTAA");
      }
      wanted.computeIfAbsent(flag.substring(0, equals).strip(), c -> new LinkedHashSet<>())
          .add(flag.substring(equals + 1).strip());
    }
    return new RowFilter(Map.copyOf(wanted));
  }

  void check(Path sheet, List<String> header) {
    List<String> missing = new ArrayList<>(wanted.keySet());
    missing.removeAll(header);
    if (!missing.isEmpty()) {
      throw new ConfigException("--where " + missing.get(0) + "=...: " + sheet + " has no such"
          + " column; its columns are: " + String.join(", ", header));
    }
  }

  /** A row that cannot be read is kept, to fail by its line rather than go unnoticed. */
  boolean keeps(CsvFile.Row row) {
    return row.problem() != null || wanted.entrySet().stream()
        .allMatch(column -> column.getValue().contains(row.get(column.getKey()).strip()));
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    wanted.forEach((column, values) -> parts.add(column + " is " + String.join(" or ", values)));
    return String.join(" and ", parts);
  }
}
