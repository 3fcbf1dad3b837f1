package org.ttnlw.migrate.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.settings.ApplicationSettingsMove;
import org.ttnlw.migrate.settings.SettingsFile;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(name = "application-settings", mixinStandardHelpOptions = true,
    description = {
        "Export the settings of the given applications as TTS JSON, one application per line."
            + " From The Things Stack: name, description, attributes, contacts, the default"
            + " payload formatters of the AS link, every webhook, every pub/sub and every package"
            + " default association. From ChirpStack: name, description, tags and the HTTP"
            + " integration as a webhook; what has no TTS counterpart is listed on stderr as not"
            + " migrated. Nothing is changed at the source.",
        "The output holds credentials (webhook headers, downlink API keys, pub/sub passwords and"
            + " keys, package tokens): --output files are made readable by their owner only."})
final class ApplicationSettingsCommand extends BaseCommand implements Cli.SourceChoosing {
  @Parameters(paramLabel = "APP-ID", arity = "0..*",
      description = "Application IDs (ChirpStack: UUIDs). With none, they are read from stdin,"
          + " one per line.")
  List<String> ids = new ArrayList<>();

  private final Map<String, BoundSource<?>> sources;
  private String sourceName;

  /**
   * @param sources the sources with application settings, by name and alias; with exactly one,
   *     it is used without {@code --source}
   */
  ApplicationSettingsCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources) {
    super(global, io);
    this.sources = sources;
  }

  @Override
  public void offerSourceOption(CommandSpec command, Collection<String> names) {
    command.addOption(ExportCommand.sourceOption("Source to read the settings from: "
        + String.join(", ", names) + ", the sources whose application settings this"
        + " tool moves.", names, "application settings move only from",
        name -> sourceName = name));
  }

  @Override
  Outcome run(RunSettings settings) {
    BoundSource<?> bound = chosenSource();
    Iterator<String> applications;
    try {
      applications = IdInput.of("application", bound.plugin().applicationIds(), ids,
          io().stdin());
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    try (ApplicationSettingsSource export = bound.openSettings(settings.calls());
        OutputStream out = settings.output() == null ? io().stdout()
            : SettingsFile.create(settings.output())) {
      io().stderr().println("ttn-lw-migrate: note: the settings hold credentials (webhook"
          + " headers, downlink API keys, pub/sub passwords and keys, package tokens); "
          + (settings.output() == null ? "keep what stdout goes to private"
              : settings.output() + " is readable by its owner only"));
      return export(export, applications, out, settings.continueOnError());
    } catch (IOException e) {
      throw new ConfigException("cannot write " + settings.output() + ": " + e.getMessage());
    }
  }

  @Override
  UnaryOperator<String> flagsAsTyped() {
    return chosenSource().flagsAsTyped(Optional.ofNullable(sourceName));
  }

  /** The source --source names (checked as it was parsed), or the group's own. */
  private BoundSource<?> chosenSource() {
    return sourceName == null ? sources.values().iterator().next() : sources.get(sourceName);
  }

  private Outcome export(ApplicationSettingsSource export, Iterator<String> applications,
      OutputStream out, boolean continueOnError) throws IOException {
    int exported = 0;
    List<String> failed = new ArrayList<>();
    while (applications.hasNext()) {
      String applicationId = applications.next();
      try {
        SettingsFile.write(ApplicationSettingsMove.read(export, applicationId, io().stderr()),
            out);
        exported++;
      } catch (MigrationException e) {
        io().stderr().println("ttn-lw-migrate: error: application " + applicationId + ": "
            + e.getMessage());
        failed.add(applicationId);
        if (!continueOnError) {
          io().stderr().println("ttn-lw-migrate: stopped; " + exported
              + " application(s) exported");
          return Outcome.STOPPED;
        }
      }
    }
    io().stderr().println("ttn-lw-migrate: settings of " + exported + " application(s) exported"
        + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed)));
    return failed.isEmpty() ? Outcome.OK : Outcome.SOME_FAILED;
  }
}
