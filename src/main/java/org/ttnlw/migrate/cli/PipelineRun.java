package org.ttnlw.migrate.cli;

import com.google.protobuf.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceCount;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.RunLock;
import org.ttnlw.migrate.devices.DeviceJob;
import org.ttnlw.migrate.pipeline.Delivery;
import org.ttnlw.migrate.pipeline.ExportFailedException;
import org.ttnlw.migrate.pipeline.ExportPipeline;
import org.ttnlw.migrate.pipeline.ExportSummary;
import org.ttnlw.migrate.pipeline.ItemFailure;
import org.ttnlw.migrate.pipeline.ItemLines;
import org.ttnlw.migrate.pipeline.ItemReport;
import org.ttnlw.migrate.pipeline.Job;
import org.ttnlw.migrate.pipeline.LineWriter;
import org.ttnlw.migrate.pipeline.PlanFile;
import org.ttnlw.migrate.pipeline.ProgressReport;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.pipeline.RunPlan;
import org.ttnlw.migrate.pipeline.RunProgress;
import org.ttnlw.migrate.pipeline.SideEffects;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceConnection;
import org.ttnlw.migrate.source.json.RecordInput;
import org.ttnlw.migrate.target.TargetOptions;

/**
 * Wires one run of the pipeline from the global flags: the journal and output, the source, the
 * target (for {@code migrate} and {@code import}), the transforms and the source's step, then
 * reports the summary and returns the exit code.
 */
final class PipelineRun {
  static final String PROGRESS = "TTN_LW_MIGRATE_PROGRESS";
  private static final String OWN_FILES = "an --output (or --state)";
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

  /**
   * @param listing the applications named, and whether the devices come from listing them
   * @param handOver gateways handed over before any device is stopped at the source, or null
   */
  int run(MigrationChoices choices, DeviceJob.Listing listing,
      Function<CallSettings, Source> openSource, Function<Source, Iterator<DeviceRef>> devices,
      DeviceJob.HandOver handOver) {
    return run(new DeviceJob(global.dryRun, global.devIdPrefix, target, choices, listing,
        openSource, devices, handOver));
  }

  <R, T extends Message, S extends SourceConnection> int run(Job<R, T, S> job) {
    CallSettings context = new CallSettings(global.concurrency, global.timeout, global.retries);
    Path statePath = !job.writesOutput() ? job.defaultState(target != null).orElse(null)
        : global.state != null ? global.state
        : global.output != null ? Path.of(global.output + ".state")
        : job.defaultState(target != null).orElse(null);
    RunJournal.Kind kind = job.journalKind(target != null);
    String items = job.noun() + "s";
    Path planPath = global.plan.path;
    try {
      if (target != null) {
        job.checkTarget();
      }
      checkPlanPath(planPath, statePath);
      Path output = job.writesOutput() ? global.output : null;
      ItemLines lines = global.format.lines(job.noun());
      // Source and target prove themselves before the output or the journal is made; the locks
      // are held before the journal is read or the output cut back: a second run of the same
      // command would take this run's lines in flight for a crash's leftovers.
      try (S source = opened(job, context);
          Delivery<T> delivery = target == null ? Delivery.none()
              : job.target(source, context);
          RunLock outputLock = output == null ? null : RunLock.hold(output, OWN_FILES);
          RunLock stateLock = statePath == null ? null : RunLock.hold(statePath, OWN_FILES);
          RunJournal<R> journal = statePath == null ? RunJournal.none(job.refs())
              : RunJournal.open(statePath, kind, global.dryRun, job.refs());
          LineWriter writer = !job.writesOutput()
              ? LineWriter.toStream(OutputStream.nullOutputStream())
              : global.output == null ? LineWriter.toStream(io.stdout(), lines)
              : LineWriter.toFile(global.output, journal, items, lines);
          PlanFile planFile = planPath == null ? null : global.plan.open()) {
        OutputWarnings warnings = new OutputWarnings(io, output, items);
        if (target == null) {
          warnings.beforeFinalStep(job.finalSourceStep());
        }
        Iterator<R> list = job.items(source);
        SideEffects<R> sideEffects = job.sideEffects(source, delivery, journal);
        // A plan names every device that would fail, so its dry run goes on past failures.
        boolean continueOnError = global.continueOnError || global.dryRun && planPath != null;
        ExportPipeline<R, T> pipeline = new ExportPipeline<>(job.noun(),
            ref -> job.read(source, ref), warnings.watchingSecrets(job.transform()), delivery,
            writer, sideEffects, journal,
            new ExportPipeline.Settings(global.concurrency, continueOnError, io.stop(),
                progress(list, items), job.allWritten()));
        RunPlan<R, T> plan = target == null ? null : new RunPlan<>(global.dryRun,
            sideEffects.action(), job::planIds, planFile, flagsAsTyped);
        try {
          ExportSummary summary = pipeline.run(list,
              plan == null ? ItemReport.<R, T>none() : plan);
          printPlanTable(plan, job, items);
          return report(summary, source, remarks(writer, job.remarks(source)), items,
              job.summaryPrefix());
        } catch (ExportFailedException e) {
          if (e.getCause() instanceof ConfigException configuration
              && e.summary().exported() == 0) {
            // Found when the first ID was resolved: a configuration error all the same.
            throw configuration;
          }
          printPlanTable(plan, job, items);
          io.stderr().println("ttn-lw-migrate: error: " + flagsAsTyped.apply(e.getMessage()));
          io.stderr().println("ttn-lw-migrate: " + job.summaryPrefix() + "stopped; "
              + e.summary());
          warnings.ifReaderGone(e, e.summary());
          printRemarks(remarks(writer, job.remarks(source)));
          return ExitCodes.EXPORT_FAILED;
        }
      }
    } catch (IOException e) {
      io.stderr().println("ttn-lw-migrate: " + describe(e));
      return ExitCodes.USAGE;
    } catch (ConfigException e) {
      io.stderr().println("ttn-lw-migrate: " + flagsAsTyped.apply(e.getMessage()));
      return ExitCodes.USAGE;
    }
  }

  /** Refuses a plan file that is the output or the journal under another name. */
  private void checkPlanPath(Path plan, Path statePath) throws IOException {
    if (plan == null) {
      return;
    }
    for (Path other : new Path[] {global.output, statePath}) {
      if (other != null && PlanFile.same(plan, other)) {
        throw new ConfigException("--plan " + plan + " is " + other + ", which this run"
            + " writes too; give the plan a file of its own");
      }
    }
  }

  /** After a dry run of a whole job: how many items each outcome and each source step has. */
  private void printPlanTable(RunPlan<?, ?> plan, Job<?, ?, ?> job, String items) {
    if (plan == null || !global.dryRun || !job.writesOutput()) {
      return;
    }
    io.stderr().println("ttn-lw-migrate: dry run, what would happen to the " + items
        + (global.plan.path == null ? "" : " (one line each in " + global.plan.path + ")")
        + ":");
    plan.table().forEach(io.stderr()::println);
  }

  /** The source, opened and through its pre-flight; closed again if that fails. */
  private static <R, T extends Message, S extends SourceConnection> S opened(Job<R, T, S> job,
      CallSettings context) {
    S source = job.open(context);
    try {
      job.preflight(source);
      return source;
    } catch (RuntimeException e) {
      source.close();
      throw e;
    }
  }

  /**
   * A live line when the launcher found stderr to be a terminal ({@value #PROGRESS}=live),
   * plain log lines otherwise.
   */
  private RunProgress progress(Iterator<?> list, String items) {
    boolean live = "live".equals(io.environment().get(PROGRESS));
    Logging.liveLine(live);
    if (live) {
      return ProgressReport.live(() -> DeviceCount.of(list), io.stderr(), items);
    }
    return ProgressReport.plain(() -> DeviceCount.of(list), items);
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

  /** What the output format says about the devices written, then the source's remarks. */
  private static List<String> remarks(LineWriter writer, List<String> sourceRemarks) {
    List<String> remarks = new ArrayList<>(writer.remarks());
    remarks.addAll(sourceRemarks);
    return remarks;
  }

  private void printRemarks(List<String> remarks) {
    remarks.forEach(line -> io.stderr().println("ttn-lw-migrate: " + line));
  }

  private int report(ExportSummary summary, SourceConnection source, List<String> remarks,
      String items, String prefix) {
    PrintStream err = io.stderr();
    err.println("ttn-lw-migrate: " + prefix + summary);
    if (source instanceof RecordInput input && !summary.interrupted()) {
      RecordInput.RecordsRead read = input.recordsRead();
      err.println("ttn-lw-migrate: " + prefix + summary.records(read.records(), read.repeated()));
    }
    if (!summary.failures().isEmpty()) {
      err.println("ttn-lw-migrate: these " + items + " failed; fix the cause and run the same"
          + " command again:");
      for (ItemFailure failure : summary.failures()) {
        err.println("  " + failure.item() + ": " + flagsAsTyped.apply(failure.cause()));
      }
    }
    printRemarks(remarks);
    if (summary.interrupted()) {
      return ExitCodes.INTERRUPTED;
    }
    return summary.failures().isEmpty() ? ExitCodes.OK : ExitCodes.SOME_FAILED;
  }
}
