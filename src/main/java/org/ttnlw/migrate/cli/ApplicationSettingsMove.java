package org.ttnlw.migrate.cli;

import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.settings.ItemOutcome;
import org.ttnlw.migrate.settings.SettingsImport;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.target.TargetConfig;

/** Applies one settings document to the target application and reports each item on stderr. */
final class ApplicationSettingsMove {
  private ApplicationSettingsMove() {}

  /**
   * Reads one application's settings and lists on stderr what of them does not move.
   *
   * @throws MigrationException when the application cannot be read completely
   */
  static ApplicationSettings read(ApplicationSettingsSource source, String applicationId, Io io) {
    ApplicationSettingsSource.Read read = source.read(applicationId);
    read.notMigrated().forEach(setting -> io.stderr().println("ttn-lw-migrate: warning:"
        + " application " + applicationId + ": not migrated: " + setting));
    return read.settings();
  }

  /** @return the exit code: OK when the target matches, SOME_FAILED when an item does not */
  static int importInto(TargetConfig config, OrganizationOrUserIdentifiers owner,
      GlobalOptions global, Io io, ApplicationSettings settings) {
    CallSettings context = new CallSettings(global.concurrency, global.timeout, global.retries);
    String from = settings.getApplication().getIds().getApplicationId();
    try (SettingsImport settingsImport = new SettingsImport(config.connection(), context,
        new SettingsImport.Choices(config.updateExisting(), global.dryRun, owner))) {
      List<ItemOutcome> outcomes = settingsImport.apply(settings, config.appId());
      String prefix = "ttn-lw-migrate: settings " + from + " -> " + config.appId() + ": ";
      outcomes.forEach(outcome -> io.stderr().println(prefix + outcome));
      long problems = outcomes.stream().filter(ItemOutcome::isProblem).count();
      io.stderr().println(prefix + outcomes.size() + " item(s), " + problems + " not matching"
          + (global.dryRun ? " (dry run: nothing written)" : ""));
      return problems == 0 ? ExitCodes.OK : ExitCodes.SOME_FAILED;
    } catch (MigrationException e) {
      io.stderr().println("ttn-lw-migrate: error: settings of " + from + ": " + e.getMessage());
      return ExitCodes.EXPORT_FAILED;
    }
  }
}
