package org.ttnlw.migrate.target;

import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.tts.TtsConnection;

/** Checked settings of the target, built from {@link TargetOptions} before any network call. */
public record TargetConfig(String appId, TtsConnection connection, boolean updateExisting,
    boolean keepProfiles) {

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
        options.updateExisting, options.keepProfiles);
  }
}
