package org.ttnlw.migrate.undo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.core.RunLock;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.core.TerminalText;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.target.GatewayRemover;
import org.ttnlw.migrate.target.TtsTarget;

/**
 * {@code undo}: reads a migration's journal (of devices or of gateways, as its header says),
 * picks the items asked for, and undoes each (see {@link DeviceUndo}, {@link GatewayUndo}), a few
 * at once; one line per item on stdout, in the journal's order, and a summary with the items
 * left alone on stderr.
 */
public final class UndoRun {
  private static final String OWN_FILES = "a --state";

  /** The two ends of the migration, opened when there is something to undo. */
  public interface Ends {
    /** How the source is named on the command line, for messages. */
    String sourceName();

    /** The source the migration read devices from, not yet through its pre-flight. */
    Source openSource();

    /** The migration's target, for devices. */
    TtsTarget openTarget();

    /** The source the migration read gateways from, not yet through its pre-flight. */
    GatewaySource openGatewaySource();

    /** The migration's target, for gateways. */
    GatewayRemover openGatewayTarget();
  }

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
   * Whether the journal is a gateway migration's rather than a device migration's.
   *
   * @throws ConfigException when it is neither, or missing
   */
  public static boolean undoesGateways(Path state) {
    if (!Files.isRegularFile(state)) {
      throw new ConfigException(state + " does not exist: give undo the --state (or --output)"
          + " of the migration to undo");
    }
    RunJournal.Kind kind;
    try {
      kind = RunJournal.kindOf(state).orElseThrow(() -> new ConfigException(state + " is not"
          + " the journal of a migration (nor of a dry run's, which changed nothing to undo)"));
    } catch (IOException e) {
      throw new ConfigException("cannot read " + state + ": " + e.getMessage());
    }
    return switch (kind) {
      case MIGRATION -> false;
      case GATEWAY_MIGRATION -> true;
      default -> throw new ConfigException(state + " is the journal of " + kind.described()
          + ": only a migration into a target (of devices or of gateways) can be undone");
    };
  }

  /**
   * @throws ConfigException when the journal or a pre-flight refuses the undo
   */
  public Outcome run(Ends ends) {
    return undoesGateways(request.state()) ? undo(UndoKind.gateways(ends, request.dryRun()))
        : undo(UndoKind.devices(ends, request.dryRun()));
  }

  private <R> Outcome undo(UndoKind<R> kind) {
    try (RunLock stateLock = RunLock.hold(request.state(), OWN_FILES);
        RunLock undoLock = RunLock.hold(request.undoJournal(), OWN_FILES);
        RunJournal<R> migration = RunJournal.open(request.state(), kind.journalKind(), false,
            kind.refs());
        RunJournal<R> undo = openUndoJournal(kind)) {
      List<R> chosen = chosen(kind, migration, undo);
      if (chosen.isEmpty()) {
        err.println("ttn-lw-migrate: undo: no " + kind.noun() + " of " + request.state()
            + " is left to undo" + (request.ids().isEmpty() ? "" : " among those named"));
        return Outcome.OK;
      }
      try (UndoKind.Opened<R> opened = kind.open(migration,
          new UndoSteps<>(undo, request.dryRun()), chosen)) {
        return undoAll(kind.noun(), chosen, opened.undo());
      }
    } catch (IOException e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /** A dry run reads what an earlier undo did, and records nothing. */
  private <R> RunJournal<R> openUndoJournal(UndoKind<R> kind) throws IOException {
    if (request.dryRun() && !Files.exists(request.undoJournal())) {
      return RunJournal.none(kind.refs());
    }
    return RunJournal.open(request.undoJournal(), RunJournal.Kind.UNDO, false, kind.refs());
  }

  /** The items named (or all), in the journal's order, not undone yet, up to the limit. */
  private <R> List<R> chosen(UndoKind<R> kind, RunJournal<R> migration, RunJournal<R> undo) {
    List<R> named = migration.items().stream()
        .filter(ref -> request.selects(kind.id(ref)))
        .toList();
    List<String> unknown = request.ids().stream()
        .filter(id -> named.stream().noneMatch(ref -> kind.id(ref).equals(id)))
        .sorted().toList();
    if (!unknown.isEmpty()) {
      throw new ConfigException("undo: " + String.join(", ", unknown) + " not in "
          + request.state() + ": this migration did not move "
          + (unknown.size() == 1 ? "it" : "them"));
    }
    List<R> open = named.stream()
        .filter(ref -> undo.noted(ref, UndoSteps.DONE).isEmpty())
        .toList();
    return request.limit().isPresent() && request.limit().getAsInt() < open.size()
        ? open.subList(0, request.limit().getAsInt()) : open;
  }

  private <R> Outcome undoAll(String noun, List<R> chosen, ItemUndo<R> items) {
    Tally<R> tally = new Tally<>(noun);
    ArrayDeque<CompletableFuture<UndoResult<R>>> inFlight = new ArrayDeque<>();
    ArrayDeque<R> refs = new ArrayDeque<>();
    for (R ref : chosen) {
      if (stop.requested() || tally.stopped != null) {
        break;
      }
      if (inFlight.size() >= request.concurrency()) {
        tally.add(refs.poll(), inFlight.poll());
      }
      refs.add(ref);
      inFlight.add(items.undo(ref));
    }
    while (!inFlight.isEmpty()) {
      tally.add(refs.poll(), inFlight.poll());
    }
    return tally.report(stop.requested());
  }

  /** What the items came to, reported as they finish, in order. */
  private final class Tally<R> {
    final String nouns;
    long undone;
    long wouldUndo;
    final List<UndoResult<R>> left = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    RuntimeException stopped;

    Tally(String noun) {
      this.nouns = noun + "s";
    }

    void add(R ref, CompletableFuture<UndoResult<R>> result) {
      try {
        UndoResult<R> done = Futures.await(result);
        out.println(TerminalText.line(ref + ": " + done.said()));
        switch (done.kind()) {
          case UNDONE -> undone++;
          case WOULD_UNDO -> wouldUndo++;
          case LEFT_ALONE -> left.add(done);
        }
      } catch (RuntimeException e) {
        String cause = ref + ": " + Objects.requireNonNullElse(e.getMessage(), e.toString());
        failed.add(cause);
        // A refused key or a server gone would fail every item after this one.
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
        err.println("ttn-lw-migrate: these " + nouns + " were left alone:");
        left.forEach(result -> err.println(TerminalText.line("  " + result.ref() + ": "
            + result.said())));
      }
      if (!failed.isEmpty()) {
        err.println("ttn-lw-migrate: these " + nouns + " failed; fix the cause and run the same"
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
