package org.ttnlw.migrate.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.ttnlw.migrate.appsettings.SettingsExport;
import org.ttnlw.migrate.appsettings.SettingsFile;
import org.ttnlw.migrate.export.DeviceIds;
import org.ttnlw.migrate.export.IdInput;
import org.ttnlw.migrate.source.SourceConfigException;
import org.ttnlw.migrate.source.SourceContext;
import org.ttnlw.migrate.source.SourceException;
import org.ttnlw.migrate.source.tts.TtsOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "application-settings", mixinStandardHelpOptions = true,
    description = {
        "Export the settings of the given applications from The Things Stack as TTS JSON, one"
            + " application per line: name, description, attributes, contacts, the default payload"
            + " formatters of the AS link, every webhook, every pub/sub and every package default"
            + " association. Nothing is changed at the source.",
        "The output holds credentials (webhook headers, downlink API keys, pub/sub passwords and"
            + " keys, package tokens): --output files are made readable by their owner only."})
final class ApplicationSettingsCommand implements Callable<Integer> {
  /** Sources whose application settings this command reads. */
  private static final List<String> SOURCES = List.of("ttnv3", "tts");

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "APP-ID", arity = "0..*",
      description = "Application IDs. With none, they are read from stdin, one per line.")
  List<String> ids = new ArrayList<>();

  private final GlobalOptions global;
  private final Io io;
  private final TtsOptions source;
  private String sourceName = "ttnv3";

  ApplicationSettingsCommand(GlobalOptions global, Io io, TtsOptions source) {
    this.global = global;
    this.io = io;
    this.source = source;
  }

  /** Adds {@code --source NAME}, for the form where the source is not the parent command. */
  void offerSourceOption(CommandSpec command) {
    command.addOption(ExportCommand.sourceOption("Source to read the settings from: ttnv3 (or"
        + " tts), the only source whose application settings this tool moves.",
        name -> sourceName = name));
  }

  @Override
  public Integer call() {
    global.check(spec.commandLine());
    Logging.configure(global.verbose);
    if (!SOURCES.contains(sourceName)) {
      throw new ParameterException(spec.commandLine(), "application settings move only from"
          + " ttnv3 (The Things Stack), not from \"" + sourceName + "\"");
    }
    Iterator<String> applications;
    try {
      applications = IdInput.of("application", DeviceIds.SYNTAX, ids, io.stdin());
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SourceContext context = new SourceContext(global.concurrency, global.timeout, global.retries);
    try (SettingsExport export = new SettingsExport(source.checkedConnection(), context);
        OutputStream out = global.output == null ? io.stdout()
            : SettingsFile.create(global.output)) {
      io.stderr().println("ttn-lw-migrate: note: the settings hold credentials (webhook headers,"
          + " downlink API keys, pub/sub passwords and keys, package tokens); "
          + (global.output == null ? "keep what stdout goes to private"
              : global.output + " is readable by its owner only"));
      return export(export, applications, out);
    } catch (SourceConfigException e) {
      io.stderr().println("ttn-lw-migrate: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (IOException e) {
      io.stderr().println("ttn-lw-migrate: cannot write " + global.output + ": " + e.getMessage());
      return ExitCodes.USAGE;
    }
  }

  private int export(SettingsExport export, Iterator<String> applications, OutputStream out)
      throws IOException {
    int exported = 0;
    List<String> failed = new ArrayList<>();
    while (applications.hasNext()) {
      String applicationId = applications.next();
      try {
        SettingsFile.write(export.read(applicationId), out);
        exported++;
      } catch (SourceException e) {
        io.stderr().println("ttn-lw-migrate: error: application " + applicationId + ": "
            + e.getMessage());
        failed.add(applicationId);
        if (!global.continueOnError) {
          io.stderr().println("ttn-lw-migrate: stopped; " + exported + " application(s) exported");
          return ExitCodes.EXPORT_FAILED;
        }
      }
    }
    io.stderr().println("ttn-lw-migrate: settings of " + exported + " application(s) exported"
        + (failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed)));
    return failed.isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
  }
}
