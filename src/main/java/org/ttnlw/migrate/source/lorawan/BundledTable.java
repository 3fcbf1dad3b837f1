package org.ttnlw.migrate.source.lorawan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tab-separated table shipped with a class, read whole: its header is checked, its rows
 * returned.
 */
public final class BundledTable {
  private BundledTable() {}

  /** The rows of {@code resource} in this package after its header. */
  static List<String[]> read(String resource, String... header) {
    return read(BundledTable.class, resource, header);
  }

  /**
   * The rows of {@code resource}, next to {@code owner}, after its header, each with exactly the
   * header's columns.
   */
  public static List<String[]> read(Class<?> owner, String resource, String... header) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String first = reader.readLine();
      if (first == null || !Arrays.equals(first.split("\t", -1), header)) {
        throw new IllegalStateException("unexpected header in " + resource + ": " + first);
      }
      List<String[]> rows = new ArrayList<>();
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (cells.length != header.length) {
          throw new IllegalStateException("malformed line in " + resource + ": " + line);
        }
        rows.add(cells);
      }
      return List.copyOf(rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
