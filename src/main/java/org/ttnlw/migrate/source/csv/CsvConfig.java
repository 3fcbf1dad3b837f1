package org.ttnlw.migrate.source.csv;

import java.nio.file.Path;
import java.util.Optional;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;

/**
 * Checked settings of the CSV source, built from {@link CsvOptions}.
 *
 * @param plan the plan of rows without frequency_plan_id
 * @param versions the versions of rows without lorawan_version
 */
record CsvConfig(Path csvPath, String appId, Optional<FrequencyPlan> plan,
    Optional<LorawanVersions.Versions> versions, ColumnMap columns, RowFilter filter) {

  static CsvConfig from(CsvOptions options) {
    if (options.csvPath == null) {
      throw new ConfigException("no CSV file: set --csv-path (or CSV_CSV_PATH)");
    }
    if (options.appId == null || options.appId.isBlank()) {
      throw new ConfigException("no TTS application ID: set --app-id (or CSV_APP_ID)");
    }
    String appId = options.appId.strip();
    String problem = DeviceIds.problem(appId);
    if (problem != null) {
      throw new ConfigException("--app-id \"" + appId + "\": " + problem);
    }
    try {
      return new CsvConfig(options.csvPath, appId,
          blank(options.frequencyPlanId) ? Optional.empty()
              : Optional.of(FrequencyPlans.require(options.frequencyPlanId.strip())),
          blank(options.macVersion) ? Optional.empty()
              : Optional.of(LorawanVersions.combined(options.macVersion)),
          ColumnMap.from(options.columns, options.columnsFile), RowFilter.from(options.where));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
