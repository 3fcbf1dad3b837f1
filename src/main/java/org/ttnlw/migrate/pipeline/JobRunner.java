package org.ttnlw.migrate.pipeline;

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
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceCount;
import org.ttnlw.migrate.core.Notices;
import org.ttnlw.migrate.core.RunLock;
import org.ttnlw.migrate.source.SourceConnection;
import org.ttnlw.migrate.source.json.RecordInput;

/**
 * Runs jobs through the pipeline with the files of a run: the journal and the output with
 * their locks, the plan, the progress; reports the summary on stderr and says how the run
 * ended. One runner serves every run of a command, so that the plan file is emptied by the
 * first only ({@code migrate application --with-gateways} registers gateways, moves devices,
 * then hands the gateways over).
 */
public final class JobRunner {
  private static final String OWN_FILES = "an --output (or --state)";
  private final RunIo io;
  private final UnaryOperator<String> flagsAsTyped;
  private final List<RunRecord> runs = new ArrayList<>();
  private boolean planStarted;

  /** @param flagsAsTyped names the source's flags in a message as the command line spells them */
  public JobRunner(RunIo io, UnaryOperator<String> flagsAsTyped) {
    this.io = io;
    this.flagsAsTyped = flagsAsTyped;
  }

  /** Each run so far, for the report file. */
  public List<RunRecord> runs() {
    return List.copyOf(runs);
  }

  /**
   * @return how the run ended; a run stopped at an item has said why on stderr
   * @throws ConfigException when the flags, the files or a pre-flight refuse the run
   */
  public <R, T extends Message, S extends SourceConnection> Outcome run(Job<R, T, S> job,
      RunSettings settings) {
    try {
      return runChecked(job, settings);
    } catch (IOException e) {
      throw new ConfigException(describe(e));
    }
  }

  private <R, T extends Message, S extends SourceConnection> Outcome runChecked(
      Job<R, T, S> job, RunSettings settings) throws IOException {
    CallSettings context = settings.calls();
    Path statePath = (job.writesOutput() ? settings.namedJournal().or(job::defaultState)
        : job.defaultState()).orElse(null);
    String items = job.noun() + "s";
    Path planPath = settings.plan();
    checkPlanPath(planPath, settings.output(), statePath);
    Path output = job.writesOutput() ? settings.output() : null;
    ItemLines lines = settings.format().lines(job.noun());
    // Source and target prove themselves before the output or the journal is made; the locks
    // are held before the journal is read or the output cut back: a second run of the same
    // command would take this run's lines in flight for a crash's leftovers.
    try (S source = opened(job, context);
        Delivery<T> delivery = job.delivery(source, context);
        RunLock outputLock = output == null ? null : RunLock.hold(output, OWN_FILES);
        RunLock stateLock = statePath == null ? null : RunLock.hold(statePath, OWN_FILES);
        RunJournal<R> journal = statePath == null ? RunJournal.none(job.refs())
            : RunJournal.open(statePath, job.journalKind(), settings.dryRun(), job.refs());
        LineWriter writer = !job.writesOutput()
            ? LineWriter.toStream(OutputStream.nullOutputStream())
            : settings.output() == null ? LineWriter.toStream(io.stdout(), lines)
            : LineWriter.toFile(settings.output(), journal, items, lines);
        PlanFile planFile = planPath == null ? null : openPlan(planPath)) {
      OutputWarnings warnings = new OutputWarnings(io, output, items);
      boolean pointedToOutput = warnings.beforeFinalStep(job.finalSourceStep());
      String verb = job.mode().verb(settings.dryRun());
      if (statePath == null && job.listed() && !settings.dryRun() && !io.display().quiet()
          && !pointedToOutput) {
        io.stderr().println("ttn-lw-migrate: note: this run keeps no journal: if it stops, the"
            + " same command goes through every " + job.noun() + " again from the first; "
            + (job.mode().hasTarget() ? "--state FILE" : "--output FILE (or --state FILE)")
            + " keeps one, so that a second run goes on where the first stopped");
      }
      SideEffects<R> sideEffects = job.sideEffects(source, delivery, journal);
      Iterator<R> list = Wave.of(job.items(source), job.limit(),
          ref -> journal.progress(ref).isCompleteFor(sideEffects.step()));
      // A plan names every device that would fail, so its dry run goes on past failures.
      boolean continueOnError = settings.continueOnError()
          || settings.dryRun() && planPath != null;
      ExportPipeline<R, T> pipeline = new ExportPipeline<>(job.noun(),
          ref -> job.read(source, ref), warnings.watchingSecrets(job.transform()), delivery,
          writer, sideEffects, journal,
          new ExportPipeline.Settings(settings.concurrency(), continueOnError, io.stop(),
              progress(list, verb, items), job.allWritten()));
      RunPlan<R, T> plan = job.mode().hasTarget() ? new RunPlan<>(settings.dryRun(),
          sideEffects.action(), job::planIds, planFile, flagsAsTyped) : null;
      ItemOutcomes<R, T> outcomes = new ItemOutcomes<>(verb, sideEffects);
      RunEnd end = new RunEnd(job.summaryPrefix(), verb, items,
          !(job.mode() instanceof Mode.Import<?>), statePath);
      try {
        ExportSummary summary = pipeline.run(list, ItemReport.both(
            plan == null ? ItemReport.<R, T>none() : plan, outcomes));
        printPlanTable(plan, job, settings, items);
        Notices notices = notices(job.notices(source, delivery));
        Outcome outcome = report(summary, source, notices,
            remarks(writer, job.remarks(source, delivery, sideEffects)), end);
        boolean endMet = false;
        try {
          job.checkEnd();
          endMet = true;
        } finally {
          runs.add(new RunRecord(items, verb, summary, outcomes.entries(), notices.byNotice(),
              endMet ? outcome : Outcome.STOPPED));
        }
        return outcome;
      } catch (ExportFailedException e) {
        if (e.getCause() instanceof ConfigException configuration
            && e.summary().exported() == 0) {
          // Found when the first ID was resolved: a configuration error all the same.
          throw configuration;
        }
        printPlanTable(plan, job, settings, items);
        io.stderr().println("ttn-lw-migrate: error: " + flagsAsTyped.apply(e.getMessage()));
        io.stderr().println("ttn-lw-migrate: " + end.prefix() + "stopped; "
            + e.summary().line(verb, end.changesSource()));
        warnings.ifReaderGone(e, e.summary());
        Notices notices = notices(job.notices(source, delivery));
        printNotices(notices, job.noun());
        printRemarks(remarks(writer, job.remarks(source, delivery, sideEffects)));
        runs.add(new RunRecord(items, verb, e.summary(), outcomes.entries(),
            notices.byNotice(), Outcome.STOPPED));
        return Outcome.STOPPED;
      }
    }
  }

  /**
   * How a run's end is said.
   *
   * @param prefix what the summary starts with, e.g. "gateways: "
   * @param changesSource whether there is a source whose changes are counted
   * @param journal the journal, or null when the run keeps none
   */
  private record RunEnd(String prefix, String verb, String items, boolean changesSource,
      Path journal) {}

  /** The job's notices as one. */
  private static Notices notices(List<Notices> parts) {
    Notices all = new Notices();
    parts.forEach(part -> part.byNotice().forEach((notice, items) ->
        items.forEach(item -> all.add(notice, item))));
    return all;
  }

  /** The plan file: emptied by the command's first run, added to by its later ones. */
  private PlanFile openPlan(Path path) throws IOException {
    PlanFile file = PlanFile.open(path, !planStarted);
    planStarted = true;
    return file;
  }

  /** Refuses a plan file that is the output or the journal under another name. */
  private static void checkPlanPath(Path plan, Path output, Path statePath) throws IOException {
    if (plan == null) {
      return;
    }
    for (Path other : new Path[] {output, statePath}) {
      if (other != null && PlanFile.same(plan, other)) {
        throw new ConfigException("--plan " + plan + " is " + other + ", which this run"
            + " writes too; give the plan a file of its own");
      }
    }
  }

  /** After a dry run of a whole job: how many items each outcome and each source step has. */
  private void printPlanTable(RunPlan<?, ?> plan, Job<?, ?, ?> job, RunSettings settings,
      String items) {
    if (plan == null || !settings.dryRun() || !job.writesOutput()) {
      return;
    }
    io.stderr().println("ttn-lw-migrate: dry run, what would happen to the " + items
        + (settings.plan() == null ? "" : " (one line each in " + settings.plan() + ")")
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

  /** A live line when stderr is a terminal, plain log lines otherwise, nothing when quiet. */
  private RunProgress progress(Iterator<?> list, String verb, String items) {
    Display display = io.display();
    if (display.quiet()) {
      return RunProgress.NONE;
    }
    if (display.live()) {
      return ProgressReport.live(() -> DeviceCount.of(list), io.stderr(), display.columns(),
          verb, items);
    }
    return ProgressReport.plain(() -> DeviceCount.of(list), verb, items);
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

  /** What the output format says about the items written, then the job's remarks. */
  private static List<String> remarks(LineWriter writer, List<String> jobRemarks) {
    List<String> remarks = new ArrayList<>(writer.remarks());
    remarks.addAll(jobRemarks);
    return remarks;
  }

  private void printRemarks(List<String> remarks) {
    remarks.forEach(line -> io.stderr().println("ttn-lw-migrate: " + line));
  }

  /** Each notice once with its count; under --verbose with its items. */
  private void printNotices(Notices notices, String noun) {
    List<String> lines = notices.summary(noun);
    List<List<String>> items = List.copyOf(notices.byNotice().values());
    for (int i = 0; i < lines.size(); i++) {
      io.stderr().println("ttn-lw-migrate: " + lines.get(i));
      if (io.display().verbose()) {
        items.get(i).forEach(item -> io.stderr().println("  " + item));
      }
    }
  }

  private Outcome report(ExportSummary summary, SourceConnection source, Notices notices,
      List<String> remarks, RunEnd end) {
    PrintStream err = io.stderr();
    err.println("ttn-lw-migrate: " + end.prefix() + summary.line(end.verb(), end.changesSource()));
    if (source instanceof RecordInput input && !summary.interrupted()) {
      RecordInput.RecordsRead read = input.recordsRead();
      err.println("ttn-lw-migrate: " + end.prefix()
          + summary.records(read.records(), read.repeated()));
    }
    if (!summary.failures().isEmpty()) {
      err.println("ttn-lw-migrate: these " + end.items() + " failed; fix the cause and run the"
          + " same command again:");
      for (ItemFailure failure : summary.failures()) {
        err.println("  " + flagsAsTyped.apply(failure.line()));
      }
    }
    printNotices(notices, end.items().substring(0, end.items().length() - 1));
    printRemarks(remarks);
    if (summary.interrupted()) {
      err.println("ttn-lw-migrate: interrupted; " + (end.journal() != null
          ? "run the same command again to go on where this run stopped (its journal is "
              + end.journal() + ")"
          : "this run kept no journal (--output or --state), so the same command run again"
              + " goes through every one of the " + end.items() + " from the first"));
      return Outcome.INTERRUPTED;
    }
    return summary.failures().isEmpty() ? Outcome.OK : Outcome.SOME_FAILED;
  }
}
