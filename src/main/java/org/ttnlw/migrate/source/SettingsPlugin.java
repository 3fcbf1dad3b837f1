package org.ttnlw.migrate.source;

import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;

/**
 * A source plugin whose source also has application settings that move: the {@code
 * application-settings} command and {@code --with-application-settings} are offered for it.
 */
public interface SettingsPlugin<O> extends SourcePlugin<O> {

  /**
   * Checks the options that application settings need and connects lazily.
   *
   * @throws ConfigException when a setting is missing or wrong
   */
  ApplicationSettingsSource openApplicationSettings(O options, CallSettings context);
}
