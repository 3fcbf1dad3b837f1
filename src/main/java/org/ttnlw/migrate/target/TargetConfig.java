package org.ttnlw.migrate.target;

import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.tts.TtsConnection;

/**
 * Checked settings of the target, built from {@link TargetOptions} before any network call.
 *
 * @param sourceChangesKeys whether the source's own step changes a moved device's keys there
 *     (Firefly's key invalidation), so that a device found in the target with other keys than the
 *     source's may hold the ones the device uses
 */
public record TargetConfig(String appId, TtsConnection connection, boolean updateExisting,
    boolean keepProfiles, boolean sourceChangesKeys) {

  public static TargetConfig from(TargetOptions options) {
    String appId = options.appId == null ? "" : options.appId.strip();
    if (appId.isEmpty()) {
      throw new ConfigException("no target application: set --target.app-id (or"
          + " TARGET_APP_ID)");
    }
    String problem = DeviceIds.problem(appId);
    if (problem != null) {
      throw new ConfigException("invalid --target.app-id \"" + appId + "\": " + problem);
    }
    return new TargetConfig(appId, TtsConnection.from(options.connection, "--target.", "TARGET_"),
        options.updateExisting, options.keepProfiles, false);
  }

  /** This target, for a source whose own step changes the keys of the devices it moved. */
  public TargetConfig forSourceThatChangesKeys() {
    return new TargetConfig(appId, connection, updateExisting, keepProfiles, true);
  }
}
