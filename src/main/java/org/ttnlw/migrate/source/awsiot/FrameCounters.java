package org.ttnlw.migrate.source.awsiot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ttnlw.migrate.core.ConfigException;

/**
 * The current frame counters of ABP devices, from the operator (AWS exposes only FCntStart, the
 * value set at provisioning): a CSV of DevEUI,FCntUp,FCntDown, with an optional header line.
 */
final class FrameCounters {
  private static final Pattern DEV_EUI = Pattern.compile("[0-9a-fA-F]{16}");
  private static final long MAX_COUNTER = 0xFFFF_FFFFL;

  /** The last frame counters a device used, up and down. */
  record Counters(long up, long down) {}

  private final Map<String, Counters> byDevEui;

  private FrameCounters(Map<String, Counters> byDevEui) {
    this.byDevEui = byDevEui;
  }

  static FrameCounters none() {
    return new FrameCounters(Map.of());
  }

  static FrameCounters read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read the frame counter file " + file + ": "
          + e.getMessage());
    }
    Map<String, Counters> counters = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty() || (i == 0 && line.toLowerCase(Locale.ROOT).startsWith("deveui"))) {
        continue;
      }
      String where = file + " line " + (i + 1);
      String[] cells = line.split("\\s*,\\s*", -1);
      if (cells.length != 3 || !DEV_EUI.matcher(cells[0]).matches()) {
        throw new ConfigException(where + ": expected DevEUI,FCntUp,FCntDown with a"
            + " 16-digit hex DevEUI, got \"" + line + "\"");
      }
      String devEui = cells[0].toLowerCase(Locale.ROOT);
      if (counters.put(devEui, new Counters(counter(cells[1], where), counter(cells[2], where)))
          != null) {
        throw new ConfigException(where + ": DevEUI " + devEui + " is listed twice");
      }
    }
    return new FrameCounters(Map.copyOf(counters));
  }

  private static long counter(String cell, String where) {
    try {
      long value = Long.parseLong(cell);
      if (value >= 0 && value <= MAX_COUNTER) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(where + ": \"" + cell + "\" is not a frame counter (0 to "
        + MAX_COUNTER + ")");
  }

  Optional<Counters> of(String devEui) {
    return Optional.ofNullable(byDevEui.get(devEui.toLowerCase(Locale.ROOT)));
  }
}
