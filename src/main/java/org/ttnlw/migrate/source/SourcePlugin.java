package org.ttnlw.migrate.source;

import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.core.IdSyntax;

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

  /** How the IDs that {@code device} takes are written; TTS device IDs unless the source differs. */
  default IdSyntax deviceIds() {
    return DeviceIds.SYNTAX;
  }

  /** How the IDs that {@code application} takes are written; TTS IDs unless the source differs. */
  default IdSyntax applicationIds() {
    return DeviceIds.SYNTAX;
  }

  /**
   * Whether {@code application} exports every device the source reaches (a source's {@code --all}
   * flag) rather than the applications named; {@link Source#listAllDevices} then lists them.
   */
  default boolean exportsAll(O options) {
    return false;
  }

  MigrationChoices choices(O options);

  /**
   * Checks the options and connects lazily: no network call happens here.
   *
   * @throws ConfigException when a setting is missing or wrong
   */
  Source open(O options, CallSettings context);

  /** Whether the source has gateways the {@code gateway} commands can read. */
  default boolean hasGateways() {
    return false;
  }

  /** How the IDs that {@code gateway} takes are written; TTS IDs unless the source differs. */
  default IdSyntax gatewayIds() {
    return DeviceIds.SYNTAX;
  }

  /** Whether a migrated gateway is deleted at the source once it is connected to the target. */
  default boolean deletesSourceGateways(O options) {
    return false;
  }

  /**
   * Checks the options that gateways need and connects lazily, for a source whose {@link
   * #hasGateways} says so.
   *
   * @throws ConfigException when a setting is missing or wrong
   */
  default GatewaySource openGateways(O options, CallSettings context) {
    throw new UnsupportedOperationException(name() + " has no gateways to migrate");
  }

  /** Whether the source has application settings the {@code application-settings} command reads. */
  default boolean hasApplicationSettings() {
    return false;
  }

  /**
   * Checks the options that application settings need and connects lazily, for a source whose
   * {@link #hasApplicationSettings} says so.
   *
   * @throws ConfigException when a setting is missing or wrong
   */
  default ApplicationSettingsSource openApplicationSettings(O options, CallSettings context) {
    throw new UnsupportedOperationException(name() + " has no application settings to migrate");
  }
}
