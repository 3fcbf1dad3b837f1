package org.ttnlw.migrate.source.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.lorawan.CsvFile;
import org.ttnlw.migrate.source.lorawan.SheetSource;

/**
 * Devices from a sheet, one a row, in the file's order. Every row the filter keeps is read and
 * checked when the source is opened, before anything is written; a row that fails does so alone,
 * by its line. Rows are named by lower-case DevEUI, or by "csv-line-N" when the row has no
 * readable DevEUI or shares it with another row. Nothing is changed anywhere: the exported DevEUIs
 * are listed at the end for the operator to remove at the network the sheet came from.
 */
final class CsvSource extends SheetSource {
  private static final Logger log = LoggerFactory.getLogger(CsvSource.class);
  private static final String LINE_KEY = "csv-line-";

  private final String appId;
  private final String sheetName;
  /** Each row the filter keeps, by its key, file order: its device or why it fails. */
  private final Map<String, CompletableFuture<EndDevice>> devices = new LinkedHashMap<>();
  /** The lines of the DevEUIs that more than one row has. */
  private final Map<String, List<Integer>> shared = new LinkedHashMap<>();
  private final int rowsRead;
  private final int filteredOut;
  private final CsvConfig config;

  CsvSource(CsvConfig config) {
    super("the csv source only reads a file; it changes nothing at any network");
    this.config = config;
    this.appId = config.appId();
    this.sheetName = config.csvPath().toString();
    CsvFile.Sheet sheet = config.columns().positional()
        ? CsvFile.withoutHeader(config.csvPath(), CsvFile.Separator.SEMICOLON_IF_ANY)
        : CsvFile.read(config.csvPath(), CsvFile.Separator.SEMICOLON_IF_ANY);
    config.columns().check(config.csvPath(), sheet.header());
    config.filter().check(config.csvPath(), sheet.header());
    CsvDeviceMapper mapper = new CsvDeviceMapper(config, sheet.header());
    List<CsvFile.Row> rows = sheet.rows().stream().filter(config.filter()::keeps).toList();
    rowsRead = sheet.rows().size();
    filteredOut = rowsRead - rows.size();
    Map<CsvFile.Row, String> euis = new HashMap<>();
    Map<String, List<Integer>> linesByEui = new LinkedHashMap<>();
    rows.forEach(row -> mapper.devEui(row).ifPresent(eui -> {
      euis.put(row, eui);
      linesByEui.computeIfAbsent(eui, e -> new ArrayList<>()).add(row.line());
    }));
    linesByEui.forEach((eui, lines) -> {
      if (lines.size() > 1) {
        shared.put(eui, lines);
      }
    });
    for (CsvFile.Row row : rows) {
      String eui = euis.get(row);
      boolean unique = eui != null && !shared.containsKey(eui);
      devices.put(unique ? eui : LINE_KEY + row.line(), device(mapper, row, eui));
    }
  }

  private CompletableFuture<EndDevice> device(CsvDeviceMapper mapper, CsvFile.Row row,
      String eui) {
    try {
      if (eui != null && shared.containsKey(eui)) {
        throw new ItemRejectedException("line " + row.line() + ": DevEUI "
            + eui.toUpperCase(Locale.ROOT) + " is on lines " + lines(shared.get(eui))
            + "; keep one of them in the sheet");
      }
      return CompletableFuture.completedFuture(mapper.map(row));
    } catch (ItemRejectedException e) {
      log.debug("{}", e.getMessage());
      return CompletableFuture.failedFuture(e);
    }
  }

  private static String lines(List<Integer> lines) {
    return String.join(" and ", lines.stream().map(String::valueOf).toList());
  }

  /** Nothing to ask: the sheet was read and checked whole when the source was opened. */
  @Override
  public void preflight(SourceNeeds needs) {}

  /** A DevEUI in any case, with or without separators or leading zeros. */
  @Override
  public DeviceRef resolve(String devEui) {
    String eui = devEui.strip().replaceAll("[-:\\s]", "").toLowerCase(Locale.ROOT);
    return new DeviceRef(appId, "0".repeat(Math.max(0, 16 - eui.length())) + eui);
  }

  /** The sheet holds one application: every row is in it. */
  @Override
  public Iterator<DeviceRef> listDevices(String applicationId) {
    throw new MigrationException("the csv source reads every row of " + sheetName + " into"
        + " application " + appId + "; run application without application IDs");
  }

  @Override
  public Iterator<DeviceRef> listAllDevices() {
    return devices.keySet().stream().map(key -> new DeviceRef(appId, key)).iterator();
  }

  @Override
  public CompletableFuture<EndDevice> fetch(DeviceRef ref) {
    CompletableFuture<EndDevice> device = devices.get(ref.deviceId());
    if (device != null) {
      return device;
    }
    String problem = shared.containsKey(ref.deviceId())
        ? "DevEUI " + ref.deviceId().toUpperCase(Locale.ROOT) + " is on lines "
            + lines(shared.get(ref.deviceId())) + " of " + sheetName + "; keep one of them"
        : "DevEUI " + ref.deviceId().toUpperCase(Locale.ROOT) + " is in no row of " + sheetName
            + (filteredOut == 0 ? "" : " that --where keeps");
    return CompletableFuture.failedFuture(new ItemRejectedException(problem));
  }

  @Override
  public List<String> remarks() {
    List<String> lines = new ArrayList<>();
    lines.add("read " + rowsRead + " rows of " + sheetName + (filteredOut == 0 ? ""
        : "; " + filteredOut + " left out, keeping only rows where " + config.filter()));
    lines.addAll(keptDevices(count -> "the sheet and its network were not changed; once these "
        + count + " devices work on TTS, remove them at the network the sheet came from so that"
        + " two networks never serve them:"));
    return lines;
  }
}
