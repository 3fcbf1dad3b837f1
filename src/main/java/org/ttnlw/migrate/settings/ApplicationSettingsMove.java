package org.ttnlw.migrate.settings;

import java.io.PrintStream;
import java.util.List;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.target.TargetConfig;

/** Applies one settings document to the target application and reports each item on stderr. */
public final class ApplicationSettingsMove {
  private ApplicationSettingsMove() {}

  /**
   * Reads one application's settings and lists on stderr what of them does not move.
   *
   * @throws MigrationException when the application cannot be read completely
   */
  public static ApplicationSettings read(ApplicationSettingsSource source, String applicationId,
      PrintStream stderr) {
    ApplicationSettingsSource.Read read = source.read(applicationId);
    read.notMigrated().forEach(setting -> stderr.println("ttn-lw-migrate: warning:"
        + " application " + applicationId + ": not migrated: " + setting));
    return read.settings();
  }

  /**
   * @param owner who becomes the owner of the target application if this import creates it;
   *     null when it must exist already
   * @return OK when the target matches, SOME_FAILED when an item does not, STOPPED when the
   *     target could not be read or written
   */
  public static Outcome importInto(TargetConfig config, OrganizationOrUserIdentifiers owner,
      RunSettings run, PrintStream stderr, ApplicationSettings settings) {
    String from = settings.getApplication().getIds().getApplicationId();
    try (SettingsImport settingsImport = new SettingsImport(config.connection(), run.calls(),
        new SettingsImport.Choices(config.updateExisting(), run.dryRun(), owner))) {
      List<ItemOutcome> outcomes = settingsImport.apply(settings, config.appId());
      String prefix = "ttn-lw-migrate: settings " + from + " -> " + config.appId() + ": ";
      outcomes.forEach(outcome -> stderr.println(prefix + outcome));
      long problems = outcomes.stream().filter(ItemOutcome::isProblem).count();
      stderr.println(prefix + outcomes.size() + " item(s), " + problems + " not matching"
          + (run.dryRun() ? " (dry run: nothing written)" : ""));
      return problems == 0 ? Outcome.OK : Outcome.SOME_FAILED;
    } catch (MigrationException e) {
      stderr.println("ttn-lw-migrate: error: settings of " + from + ": " + e.getMessage());
      return Outcome.STOPPED;
    }
  }
}
