package org.ttnlw.migrate.source;

import java.util.List;

/**
 * A kind of source the tool can migrate from, with its own flags.
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

  MigrationChoices choices(O options);

  /**
   * The applications {@code application} exports when the source's flags choose them (e.g. a
   * whole account), instead of IDs from the command line or stdin; empty when IDs are needed.
   */
  default List<String> chosenApplications(O options) {
    return List.of();
  }

  /**
   * Checks the options and connects lazily: no network call happens here.
   *
   * @throws SourceConfigException when a setting is missing or wrong
   */
  Source open(O options, SourceContext context);
}
