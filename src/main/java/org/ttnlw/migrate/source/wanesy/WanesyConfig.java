package org.ttnlw.migrate.source.wanesy;

import java.nio.file.Path;
import java.util.Optional;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;

/** Checked settings of the Wanesy source, built from {@link WanesyOptions}. */
record WanesyConfig(Path csvPath, String appId, FrequencyPlan plan,
    Optional<LorawanVersions.Versions> versionOverride) {

  static WanesyConfig from(WanesyOptions options) {
    if (options.csvPath == null) {
      throw new ConfigException("no CSV file: set --csv-path (or WANESY_CSV_PATH)");
    }
    if (options.appId == null || options.appId.isBlank()) {
      throw new ConfigException("no TTS application ID: set --app-id (or WANESY_APP_ID)");
    }
    String appId = options.appId.strip();
    String problem = DeviceIds.problem(appId);
    if (problem != null) {
      throw new ConfigException("--app-id \"" + appId + "\": " + problem);
    }
    if (options.frequencyPlanId == null || options.frequencyPlanId.isBlank()) {
      throw new ConfigException("no frequency plan: set --frequency-plan-id (or"
          + " WANESY_FREQUENCY_PLAN_ID); the CSV gives only the band");
    }
    try {
      return new WanesyConfig(options.csvPath, appId,
          FrequencyPlans.require(options.frequencyPlanId.strip()),
          options.macVersion == null || options.macVersion.isBlank() ? Optional.empty()
              : Optional.of(LorawanVersions.combined(options.macVersion)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(e.getMessage());
    }
  }
}
