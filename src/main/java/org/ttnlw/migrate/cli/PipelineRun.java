package org.ttnlw.migrate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.export.DeviceDelivery;
import org.ttnlw.migrate.export.DeviceFailure;
import org.ttnlw.migrate.export.DeviceIdRules;
import org.ttnlw.migrate.export.DeviceTransform;
import org.ttnlw.migrate.export.DeviceWriter;
import org.ttnlw.migrate.export.ExportFailedException;
import org.ttnlw.migrate.export.ExportPipeline;
import org.ttnlw.migrate.export.ExportSummary;
import org.ttnlw.migrate.export.KeepDownlinksOn;
import org.ttnlw.migrate.export.NoSession;
import org.ttnlw.migrate.export.ProgressReport;
import org.ttnlw.migrate.export.RunJournal;
import org.ttnlw.migrate.export.RunProgress;
import org.ttnlw.migrate.export.SourceSideEffects;
import org.ttnlw.migrate.source.DeviceCount;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceConfigException;
import org.ttnlw.migrate.source.SourceContext;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TargetOptions;
import org.ttnlw.migrate.target.TtsTarget;

/**
 * Wires one run of the pipeline from the global flags: the journal and output, the source, the
 * target (for {@code migrate} and {@code import}), the transforms and the source's step, then
 * reports the summary and returns the exit code.
 */
final class PipelineRun {
  static final String PROGRESS = "TTN_LW_MIGRATE_PROGRESS";
  private final GlobalOptions global;
  private final Io io;
  private final TargetOptions target;
  private final UnaryOperator<String> flagsAsTyped;

  /**
   * @param target the target's flags, or null for an export
   * @param flagsAsTyped names the source's flags in a message as the command line spells them
   */
  PipelineRun(GlobalOptions global, Io io, TargetOptions target,
      UnaryOperator<String> flagsAsTyped) {
    this.global = global;
    this.io = io;
    this.target = target;
    this.flagsAsTyped = flagsAsTyped;
  }

  int run(MigrationChoices choices, Function<SourceContext, Source> openSource,
      Function<Source, Iterator<DeviceRef>> devices) {
    SourceContext context = new SourceContext(global.concurrency, global.timeout, global.retries);
    Path statePath = global.state != null ? global.state
        : global.output != null ? Path.of(global.output + ".state") : null;
    RunJournal.Kind kind = target == null ? RunJournal.Kind.EXPORT : RunJournal.Kind.MIGRATION;
    try {
      TargetConfig targetConfig = target == null ? null : TargetConfig.from(target);
      try (RunJournal journal = statePath == null ? RunJournal.none()
              : RunJournal.open(statePath, kind);
          DeviceWriter writer = global.output == null ? DeviceWriter.toStream(io.stdout())
              : DeviceWriter.toFile(global.output, journal);
          Source source = openSource.apply(context);
          DeviceDelivery delivery = targetConfig == null ? DeviceDelivery.NONE
              : openTarget(targetConfig, context)) {
        Iterator<DeviceRef> list = devices.apply(source);
        ExportPipeline pipeline = new ExportPipeline(source, transforms(choices), delivery,
            writer, new SourceSideEffects(source, choices, global.dryRun), journal,
            new ExportPipeline.Settings(global.concurrency, global.continueOnError, io.stop(),
                progress(list)));
        try {
          return report(pipeline.run(list), source);
        } catch (ExportFailedException e) {
          if (e.getCause() instanceof SourceConfigException configuration
              && e.summary().exported() == 0) {
            // Found when the first device ID was resolved: a configuration error all the same.
            throw configuration;
          }
          io.stderr().println("ttn-lw-migrate: error: " + flagsAsTyped.apply(e.getMessage()));
          io.stderr().println("ttn-lw-migrate: stopped; " + e.summary());
          printRemarks(source);
          return ExitCodes.EXPORT_FAILED;
        }
      }
    } catch (IOException e) {
      io.stderr().println("ttn-lw-migrate: " + describe(e));
      return ExitCodes.USAGE;
    } catch (SourceConfigException e) {
      io.stderr().println("ttn-lw-migrate: " + flagsAsTyped.apply(e.getMessage()));
      return ExitCodes.USAGE;
    }
  }

  /**
   * A live line when the launcher found stderr to be a terminal ({@value #PROGRESS}=live),
   * plain log lines otherwise.
   */
  private RunProgress progress(Iterator<DeviceRef> list) {
    boolean live = "live".equals(io.environment().get(PROGRESS));
    Logging.liveLine(live);
    if (live) {
      return ProgressReport.live(() -> DeviceCount.of(list), io.stderr());
    }
    return ProgressReport.plain(() -> DeviceCount.of(list));
  }

  private TtsTarget openTarget(TargetConfig config, SourceContext context) {
    TtsTarget opened = new TtsTarget(config, context, global.dryRun);
    try {
      opened.checkApplication();
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  private DeviceTransform transforms(MigrationChoices choices) {
    DeviceTransform chosen = new KeepDownlinksOn();
    if (choices.noSession()) {
      chosen = chosen.andThen(new NoSession());
    }
    return chosen.andThen(new DeviceIdRules(global.devIdPrefix));
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

  private void printRemarks(Source source) {
    source.remarks().forEach(line -> io.stderr().println("ttn-lw-migrate: " + line));
  }

  private int report(ExportSummary summary, Source source) {
    PrintStream err = io.stderr();
    err.println("ttn-lw-migrate: " + summary);
    if (!summary.failures().isEmpty()) {
      err.println("ttn-lw-migrate: these devices failed; fix the cause and run the same command"
          + " again:");
      for (DeviceFailure failure : summary.failures()) {
        err.println("  " + failure.device() + ": " + flagsAsTyped.apply(failure.cause()));
      }
    }
    printRemarks(source);
    if (summary.interrupted()) {
      return ExitCodes.INTERRUPTED;
    }
    return summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
  }
}
