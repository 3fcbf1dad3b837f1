package org.ttnlw.migrate.source;

import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.core.IdSyntax;

/**
 * A kind of source the tool can migrate from, with its own flags. What a source has beyond
 * devices it declares by implementing an optional interface as well: {@link GatewaysPlugin},
 * {@link SettingsPlugin}, {@link ListsAllPlugin}.
 *
 * @param <O> the source's picocli-annotated options: one fresh object per command line
 */
public interface SourcePlugin<O> {

  /** The name used in {@code --source NAME}, in flag prefixes and as a subcommand. */
  String name();

  List<String> aliases();

  String description();

  /** Prefixes of the environment variables that give the source's flags a default, in priority order. */
  List<String> environmentPrefixes();

  O newOptions();

  /** How the IDs that {@code device} takes are written; TTS device IDs unless the source differs. */
  default IdSyntax deviceIds() {
    return DeviceIds.SYNTAX;
  }

  /** How the IDs that {@code application} takes are written; TTS IDs unless the source differs. */
  default IdSyntax applicationIds() {
    return DeviceIds.SYNTAX;
  }

  MigrationChoices choices(O options);

  /**
   * Checks the options and connects lazily: no network call happens here.
   *
   * @throws ConfigException when a setting is missing or wrong
   */
  Source open(O options, CallSettings context);
}
