package org.ttnlw.migrate.source.tts;

import java.util.Optional;
import org.ttnlw.migrate.tts.TtsConnection;

/** Checked settings of the TTS source, built from {@link TtsOptions} before any network call. */
record TtsConfig(Optional<String> appId, TtsConnection connection, boolean exportCacs) {

  static TtsConfig from(TtsOptions options) {
    String appId = options.appId == null || options.appId.isBlank() ? null : options.appId.strip();
    return new TtsConfig(Optional.ofNullable(appId),
        TtsConnection.from(options.connection, "--", "TTNV3_"), options.exportCacs);
  }
}
