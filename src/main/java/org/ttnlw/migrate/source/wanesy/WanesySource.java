package org.ttnlw.migrate.source.wanesy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.lorawan.CsvFile;
import org.ttnlw.migrate.source.lorawan.SheetSource;

/**
 * Devices from a WMC CSV export, in the file's order. Nothing at WMC is changed; the exported
 * DevEUIs are listed at the end for the operator to remove there.
 */
final class WanesySource extends SheetSource {
  private final String appId;
  private final WanesyDeviceMapper mapper;
  /**
   * Rows by lower-case, zero-padded DevEUI (or by "csv-line-N" when it is not one or the row
   * cannot be read), file order.
   */
  private final Map<String, List<CsvFile.Row>> rows = new LinkedHashMap<>();

  WanesySource(WanesyConfig config) {
    super("the Wanesy source changes nothing in WMC");
    this.appId = config.appId();
    this.mapper = new WanesyDeviceMapper(config.appId(), config.plan(), config.versionOverride());
    CsvFile.Sheet sheet = CsvFile.read(config.csvPath(),
        CsvFile.Separator.COMMA_UNLESS_ONLY_SEMICOLONS);
    if (!sheet.header().contains("devEui")) {
      throw new ConfigException("the CSV file " + config.csvPath() + " has no devEui column; its"
          + " header is: " + String.join(", ", sheet.header()));
    }
    for (CsvFile.Row row : sheet.rows()) {
      rows.computeIfAbsent(key(row), k -> new ArrayList<>()).add(row);
    }
  }

  private static String key(CsvFile.Row row) {
    String eui = row.get("devEui").strip();
    if (row.problem() == null && eui.matches("[0-9A-Fa-f]{1,16}")) {
      return "0".repeat(16 - eui.length()) + eui.toLowerCase(Locale.ROOT);
    }
    return "csv-line-" + row.line();
  }

  /** Nothing to ask: the CSV file was opened and read whole when the source was opened. */
  @Override
  public void preflight(SourceNeeds needs) {}

  @Override
  public DeviceRef resolve(String devEui) {
    String eui = devEui.strip().toLowerCase(Locale.ROOT);
    return new DeviceRef(appId, "0".repeat(Math.max(0, 16 - eui.length())) + eui);
  }

  /**
   * The rows whose clusterId or clusterName is {@code cluster}, and every row that cannot be read
   * (its cluster is not known for sure), to fail by its line rather than go unnoticed.
   */
  @Override
  public Iterator<DeviceRef> listDevices(String cluster) {
    List<DeviceRef> refs = new ArrayList<>();
    rows.forEach((key, sameEui) -> {
      if (sameEui.stream().anyMatch(row -> row.problem() != null || inCluster(row, cluster))) {
        refs.add(new DeviceRef(appId, key));
      }
    });
    if (refs.isEmpty()) {
      throw new MigrationException("no row of the CSV has clusterId or clusterName \"" + cluster
          + "\"");
    }
    return refs.iterator();
  }

  private static boolean inCluster(CsvFile.Row row, String cluster) {
    String id = row.get("clusterId").strip();
    return row.get("clusterName").strip().equals(cluster) || id.equals(cluster)
        || (id.matches("[0-9]+") && cluster.matches("[0-9]+")
            && new java.math.BigInteger(id).equals(new java.math.BigInteger(cluster)));
  }

  @Override
  public Iterator<DeviceRef> listAllDevices() {
    return rows.keySet().stream().map(key -> new DeviceRef(appId, key)).iterator();
  }

  @Override
  public CompletableFuture<EndDevice> fetch(DeviceRef ref) {
    try {
      return CompletableFuture.completedFuture(map(ref));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private EndDevice map(DeviceRef ref) {
    List<CsvFile.Row> found = rows.get(ref.deviceId());
    if (found == null) {
      throw new ItemRejectedException("device " + ref.deviceId() + ": not in the CSV file");
    }
    CsvFile.Row row = found.get(0);
    if (row.problem() != null) {
      throw new ItemRejectedException(row.problem());
    }
    if (ref.deviceId().startsWith("csv-line-")) {
      throw new ItemRejectedException("line " + row.line() + ": devEui \"" + row.get("devEui")
          + "\" is not a DevEUI (up to 16 hex digits)");
    }
    if (found.size() > 1) {
      throw new ItemRejectedException("device " + ref.deviceId() + ": lines " + String.join(", ",
          found.stream().map(r -> String.valueOf(r.line())).toList()) + " all have this DevEUI;"
          + " keep one of them in the CSV");
    }
    return mapper.map(ref.deviceId(), row);
  }

  @Override
  public List<String> remarks() {
    return keptDevices(count -> "WMC was not changed; once these " + count + " devices work"
        + " on TTS, remove them in Wanesy Management Center so that two networks never serve"
        + " them:");
  }
}
