package org.ttnlw.migrate.undo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.core.RunLock;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.core.TerminalText;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.Progress;
import org.ttnlw.migrate.pipeline.RefFormat;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.target.TtsTarget;

/**
 * {@code undo}: reads a migration's journal, picks the devices asked for, and undoes each (see
 * {@link DeviceUndo}), a few at once; one line per device on stdout, in the journal's order, and
 * a summary with the devices left alone on stderr.
 */
public final class UndoRun {
  private static final String OWN_FILES = "a --state";

  private final UndoRequest request;
  private final PrintStream out;
  private final PrintStream err;
  private final StopSignal stop;

  public UndoRun(UndoRequest request, PrintStream out, PrintStream err, StopSignal stop) {
    this.request = request;
    this.out = out;
    this.err = err;
    this.stop = stop;
  }

  /**
   * @param sourceName how the source is named on the command line
   * @param openSource opens the source the migration read, not yet through its pre-flight
   * @param openTarget opens the migration's target
   * @throws ConfigException when the journal or a pre-flight refuses the undo
   */
  public Outcome run(String sourceName, Supplier<Source> openSource,
      Supplier<TtsTarget> openTarget) {
    if (!Files.isRegularFile(request.state())) {
      throw new ConfigException(request.state() + " does not exist: give undo the --state (or"
          + " --output) of the migration to undo");
    }
    try (RunLock stateLock = RunLock.hold(request.state(), OWN_FILES);
        RunLock undoLock = RunLock.hold(request.undoJournal(), OWN_FILES);
        RunJournal<DeviceRef> migration = RunJournal.open(request.state(),
            RunJournal.Kind.MIGRATION, false, RefFormat.DEVICES);
        RunJournal<DeviceRef> undo = openUndoJournal()) {
      List<DeviceRef> chosen = chosen(migration, undo);
      if (chosen.isEmpty()) {
        err.println("ttn-lw-migrate: undo: no device of " + request.state() + " is left to undo"
            + (request.deviceIds().isEmpty() ? "" : " among those named"));
        return Outcome.OK;
      }
      try (Source source = openSource.get(); TtsTarget target = openTarget.get()) {
        source.preflight(new SourceNeeds(chosen.stream().map(DeviceRef::applicationId)
            .filter(id -> !id.isEmpty()).distinct().toList(),
            request.dryRun() ? SourceStep.KEEP : SourceStep.DISABLE,
            !request.dryRun() && chosen.stream()
                .anyMatch(ref -> migration.progress(ref) == Progress.DELETED)));
        target.checkApplication();
        return undoAll(chosen, new DeviceUndo(migration, undo, source, sourceName, target,
            request.dryRun()));
      }
    } catch (IOException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** A dry run reads what an earlier undo did, and records nothing. */
  private RunJournal<DeviceRef> openUndoJournal() throws IOException {
    if (request.dryRun() && !Files.exists(request.undoJournal())) {
      return RunJournal.none(RefFormat.DEVICES);
    }
    return RunJournal.open(request.undoJournal(), RunJournal.Kind.UNDO, false, RefFormat.DEVICES);
  }

  /** The devices named (or all), in the journal's order, not undone yet, up to the limit. */
  private List<DeviceRef> chosen(RunJournal<DeviceRef> migration, RunJournal<DeviceRef> undo) {
    List<DeviceRef> named = migration.items().stream()
        .filter(ref -> request.selects(ref.deviceId()))
        .toList();
    List<String> unknown = request.deviceIds().stream()
        .filter(id -> named.stream().noneMatch(ref -> ref.deviceId().equals(id)))
        .sorted().toList();
    if (!unknown.isEmpty()) {
      throw new ConfigException("undo: " + String.join(", ", unknown) + " not in "
          + request.state() + ": this migration did not move "
          + (unknown.size() == 1 ? "it" : "them"));
    }
    List<DeviceRef> open = named.stream()
        .filter(ref -> undo.noted(ref, DeviceUndo.DONE).isEmpty())
        .toList();
    return request.limit().isPresent() && request.limit().getAsInt() < open.size()
        ? open.subList(0, request.limit().getAsInt()) : open;
  }

  private Outcome undoAll(List<DeviceRef> chosen, DeviceUndo devices) {
    Tally tally = new Tally();
    ArrayDeque<CompletableFuture<DeviceUndo.Result>> inFlight = new ArrayDeque<>();
    ArrayDeque<DeviceRef> refs = new ArrayDeque<>();
    for (DeviceRef ref : chosen) {
      if (stop.requested() || tally.stopped != null) {
        break;
      }
      if (inFlight.size() >= request.concurrency()) {
        tally.add(refs.poll(), inFlight.poll());
      }
      refs.add(ref);
      inFlight.add(devices.undo(ref));
    }
    while (!inFlight.isEmpty()) {
      tally.add(refs.poll(), inFlight.poll());
    }
    return tally.report(stop.requested());
  }

  /** What the devices came to, reported as they finish, in order. */
  private final class Tally {
    long undone;
    long wouldUndo;
    final List<DeviceUndo.Result> left = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    RuntimeException stopped;

    void add(DeviceRef ref, CompletableFuture<DeviceUndo.Result> result) {
      try {
        DeviceUndo.Result done = Futures.await(result);
        out.println(TerminalText.line(ref + ": " + done.said()));
        switch (done.kind()) {
          case UNDONE -> undone++;
          case WOULD_UNDO -> wouldUndo++;
          case LEFT_ALONE -> left.add(done);
        }
      } catch (RuntimeException e) {
        String cause = ref + ": " + Objects.requireNonNullElse(e.getMessage(), e.toString());
        failed.add(cause);
        // A refused key or a server gone would fail every device after this one.
        if (MigrationException.runWide(e).isPresent() || e instanceof UncheckedIOException) {
          stopped = e;
        }
      }
    }

    Outcome report(boolean interrupted) {
      String counts = request.dryRun() ? "would undo " + wouldUndo : "undone " + undone;
      err.println("ttn-lw-migrate: undo" + (request.dryRun() ? " (dry run)" : "") + ": "
          + counts + ", left alone " + left.size() + ", failed " + failed.size()
          + (interrupted ? ", interrupted: run the same command again to go on" : ""));
      if (!left.isEmpty()) {
        err.println("ttn-lw-migrate: these devices were left alone:");
        left.forEach(result -> err.println(TerminalText.line("  " + result.ref() + ": "
            + result.said())));
      }
      if (!failed.isEmpty()) {
        err.println("ttn-lw-migrate: these devices failed; fix the cause and run the same"
            + " command again:");
        failed.forEach(line -> err.println(TerminalText.line("  " + line)));
      }
      if (stopped != null) {
        return Outcome.STOPPED;
      }
      if (interrupted) {
        return Outcome.INTERRUPTED;
      }
      return failed.isEmpty() && left.isEmpty() ? Outcome.OK : Outcome.SOME_FAILED;
    }
  }
}
