package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.source.lorawan.TtsCsvColumns;

/**
 * Devices as TTS's CSV import format: the header of {@link TtsCsvColumns#ALL}, {@code ;} between
 * cells, RFC 4180 quotes where a cell holds {@code ;}, a quote or a line break, and CRLF line
 * ends. Each device's fields that the format cannot carry are logged for the device and counted
 * per field for the summary. A device of LoRaWAN 1.1 with a session is refused: the format has no
 * column for two of its session keys.
 */
final class TtsCsvLines implements ItemLines {
  private static final Logger log = LoggerFactory.getLogger(TtsCsvLines.class);
  static final String SEPARATOR = ";";
  static final String LINE_END = "\r\n";

  /** How many devices lost each field, by field path. */
  private final Map<String, Integer> dropped = new TreeMap<>();
  private int devicesWithDrops;

  @Override
  public String header() {
    return String.join(SEPARATOR, TtsCsvColumns.ALL) + LINE_END;
  }

  @Override
  public String line(Message item) {
    EndDevice device = (EndDevice) item;
    String name = DeviceRef.of(device.getIds()).toString();
    if (device.hasSession() && device.getLorawanVersion() == MACVersion.MAC_V1_1) {
      throw new ItemRejectedException("device " + name + ": a LoRaWAN 1.1 session needs"
          + " s_nwk_s_int_key and nwk_s_enc_key, which TTS's CSV format has no column for;"
          + " export with --no-session (the device joins again), or as --format json");
    }
    TtsCsvRow row = TtsCsvRow.of(device);
    List<String> cells = new ArrayList<>();
    for (String column : TtsCsvColumns.ALL) {
      cells.add(quoted(row.cells().getOrDefault(column, "")));
    }
    String line = String.join(SEPARATOR, cells) + LINE_END;
    if (!row.dropped().isEmpty()) {
      count(row.dropped());
      log.info("device {}: not in the CSV (TTS's format has no column for it): {}", name,
          String.join(", ", row.dropped()));
    }
    return line;
  }

  private synchronized void count(List<String> fields) {
    devicesWithDrops++;
    fields.forEach(field -> dropped.merge(field, 1, Integer::sum));
  }

  static String quoted(String cell) {
    if (cell.contains(SEPARATOR) || cell.contains("\"") || cell.contains("\n")
        || cell.contains("\r")) {
      return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
    return cell;
  }

  @Override
  public synchronized List<String> remarks() {
    if (dropped.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add("TTS's CSV format has no column for these fields of " + devicesWithDrops
        + " devices, so they are not in the output (each device is named above):");
    dropped.forEach((field, devices) -> lines.add("  " + field + ": " + devices
        + (devices == 1 ? " device" : " devices")));
    return lines;
  }
}
