package org.ttnlw.migrate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ttnlw.migrate.export.DeviceFailure;
import org.ttnlw.migrate.export.DeviceIdRules;
import org.ttnlw.migrate.export.DeviceIds;
import org.ttnlw.migrate.export.DeviceTransform;
import org.ttnlw.migrate.export.DeviceWriter;
import org.ttnlw.migrate.export.ExportFailedException;
import org.ttnlw.migrate.export.ExportPipeline;
import org.ttnlw.migrate.export.ExportSummary;
import org.ttnlw.migrate.export.IdInput;
import org.ttnlw.migrate.export.KeepDownlinksOn;
import org.ttnlw.migrate.export.NoSession;
import org.ttnlw.migrate.export.RunJournal;
import org.ttnlw.migrate.export.SourceSideEffects;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceConfigException;
import org.ttnlw.migrate.source.SourceContext;
import org.ttnlw.migrate.source.SourceStep;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What {@code device} and {@code application} share: pick the source, wire the export, report. */
abstract class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Device IDs (`device`) or application IDs (`application`) to export. With"
          + " none, IDs are read from stdin, one per line.")
  List<String> ids = new ArrayList<>();

  private final GlobalOptions global;
  private final Io io;
  private final Map<String, BoundSource<?>> sources;
  private String sourceName;

  /**
   * @param sources the sources this command can use, by name and alias; with exactly one,
   *     it is used without {@code --source}
   */
  ExportCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources) {
    this.global = global;
    this.io = io;
    this.sources = sources;
  }

  /** Adds {@code --source NAME}, for the form where the source is not the parent command. */
  void offerSourceOption(CommandSpec command, String names) {
    command.addOption(OptionSpec.builder("--source")
        .paramLabel("NAME")
        .type(String.class)
        .required(true)
        .description("Source to export from: " + names + ". See `ttn-lw-migrate sources`.")
        .setter(new picocli.CommandLine.Model.ISetter() {
          @Override
          public <T> T set(T value) {
            sourceName = (String) value;
            return null;
          }
        })
        .build());
  }

  /** The IDs to export: from the command line or, with none there, stdin. */
  Iterator<String> input(BoundSource<?> bound) {
    try {
      return IdInput.of(kind(), ids, io.stdin());
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** "device" or "application", for messages. */
  abstract String kind();

  /** The devices that the given IDs stand for. */
  abstract Iterator<DeviceRef> devices(Source source, Iterator<String> ids,
      boolean deletesDevices);

  @Override
  public Integer call() {
    BoundSource<?> bound = chosenSource();
    checkGlobalOptions();
    Logging.configure(global.verbose);
    MigrationChoices choices = bound.choices();
    Iterator<String> input = input(bound);
    Path statePath = global.state != null ? global.state
        : global.output != null ? Path.of(global.output + ".state") : null;
    try (RunJournal journal = statePath == null ? RunJournal.none() : RunJournal.open(statePath);
        DeviceWriter writer = global.output == null ? DeviceWriter.toStream(io.stdout())
            : DeviceWriter.toFile(global.output, journal);
        Source source = bound.open(new SourceContext(global.concurrency, global.timeout,
            global.retries))) {
      ExportPipeline pipeline = new ExportPipeline(source, transforms(choices), writer,
          new SourceSideEffects(source, choices, global.dryRun), journal,
          new ExportPipeline.Settings(global.concurrency, global.continueOnError, io.stop()));
      boolean deletesDevices = choices.afterExport() == SourceStep.DELETE && !global.dryRun;
      return report(pipeline.run(devices(source, input, deletesDevices)));
    } catch (IOException e) {
      io.stderr().println("ttn-lw-migrate: " + describe(e));
      return ExitCodes.USAGE;
    } catch (SourceConfigException e) {
      io.stderr().println("ttn-lw-migrate: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ExportFailedException e) {
      io.stderr().println("ttn-lw-migrate: error: " + e.getMessage());
      io.stderr().println("ttn-lw-migrate: stopped; " + e.summary());
      return ExitCodes.EXPORT_FAILED;
    }
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "cannot create " + e.getMessage() + ": its folder does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "cannot write " + e.getMessage() + ": permission denied";
    }
    return e.getMessage();
  }

  private int report(ExportSummary summary) {
    PrintStream err = io.stderr();
    err.println("ttn-lw-migrate: " + summary);
    if (!summary.failures().isEmpty()) {
      err.println("ttn-lw-migrate: these devices failed; fix the cause and run the same command"
          + " again:");
      for (DeviceFailure failure : summary.failures()) {
        err.println("  " + failure.device() + ": " + failure.cause());
      }
    }
    if (summary.interrupted()) {
      return ExitCodes.INTERRUPTED;
    }
    return summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
  }

  private BoundSource<?> chosenSource() {
    if (sourceName == null) {
      return sources.values().iterator().next();
    }
    BoundSource<?> bound = sources.get(sourceName);
    if (bound == null) {
      throw new ParameterException(spec.commandLine(), "unknown source \"" + sourceName
          + "\"; `ttn-lw-migrate sources` lists them");
    }
    return bound;
  }

  private void checkGlobalOptions() {
    if (global.concurrency < 1) {
      throw new ParameterException(spec.commandLine(), "--concurrency must be at least 1");
    }
    if (global.retries < 0) {
      throw new ParameterException(spec.commandLine(), "--retries must not be negative");
    }
    String prefixProblem = global.devIdPrefix.isEmpty()
        ? null : DeviceIds.prefixProblem(global.devIdPrefix);
    if (prefixProblem != null) {
      throw new ParameterException(spec.commandLine(), "invalid --dev-id-prefix \""
          + global.devIdPrefix + "\": " + prefixProblem);
    }
  }

  private DeviceTransform transforms(MigrationChoices choices) {
    DeviceTransform chosen = new KeepDownlinksOn();
    if (choices.noSession()) {
      chosen = chosen.andThen(new NoSession());
    }
    return chosen.andThen(new DeviceIdRules(global.devIdPrefix));
  }
}
