package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Message;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.json.TtsJson;

/**
 * References in, JSON lines out, then the source told about each written item: the one pipeline
 * for devices and gateways. Each item is read from the source, transformed, delivered (nowhere
 * for an export, into the target for a migration), written, and only then finished on the
 * source. Up to {@code concurrency} items are in flight in any of these steps (a hand-over that
 * waits aside); output keeps the input order whatever the concurrency.
 *
 * <p>The journal is consulted for each item: one an earlier run completed is skipped, one it
 * wrote but did not finish is only finished, one whose delivery it started is delivered again as
 * resumed. An item's step is recorded, synced, before the next step: the delivery is recorded
 * before it changes the target, the JSON is on disk (or flushed to stdout) before the source is
 * changed, and a source change is recorded as soon as it completes.
 *
 * <p>A failure stops the run, unless failures are to be collected: nothing new is started,
 * deliveries in flight are waited for but not written, items already written are finished on
 * the source, and later items are neither written nor touched. A stop signal ends the run the
 * same way, without a failure.
 *
 * @param <R> the reference type of the items (a device's application and ID, a gateway's ID)
 * @param <T> the item as TTS models it
 */
public final class ExportPipeline<R, T extends Message> {
  private static final Logger log = LoggerFactory.getLogger(ExportPipeline.class);

  private final String noun;
  private final Function<R, CompletableFuture<T>> reader;
  private final Transform<T> transform;
  private final Delivery<T> delivery;
  private final LineWriter writer;
  private final SideEffects<R> sideEffects;
  private final RunJournal<R> journal;
  private final Settings settings;

  /**
   * @param concurrency items read or delivered at once
   * @param continueOnError whether a failed item is listed and skipped rather than ending the run
   */
  public record Settings(int concurrency, boolean continueOnError, StopSignal stop,
      RunProgress progress, AllWritten allWritten) {
    public Settings(int concurrency, boolean continueOnError, StopSignal stop,
        RunProgress progress) {
      this(concurrency, continueOnError, stop, progress, whole -> { });
    }
  }

  /**
   * Told once, when every item the run will write is written and only the source steps are
   * left: a migration hands gateways over then, between creating devices and stopping them at
   * the source.
   */
  @FunctionalInterface
  public interface AllWritten {
    /** @param whole false when the run stopped early (a failure, a stop signal) */
    void reached(boolean whole);
  }

  /**
   * @param noun what the items are called in messages, e.g. "device"
   * @param reader reads one item from the source
   */
  public ExportPipeline(String noun, Function<R, CompletableFuture<T>> reader,
      Transform<T> transform, Delivery<T> delivery, LineWriter writer, SideEffects<R> sideEffects,
      RunJournal<R> journal, Settings settings) {
    this.noun = noun;
    this.reader = reader;
    this.transform = transform;
    this.delivery = delivery;
    this.writer = writer;
    this.sideEffects = sideEffects;
    this.journal = journal;
    this.settings = settings;
  }

  private record Reading<R, T>(R ref, CompletableFuture<T> item, boolean resumed) {}

  private record Delivering<R, T>(R ref, T item,
      CompletableFuture<Delivery.Delivered<T>> delivered) {}

  private record Finishing<R>(R ref, CompletableFuture<Void> done, boolean resumed) {}

  /** Counts of the run so far. */
  private final class Tally {
    final ItemReport<R, T> report;
    long exported;
    long resumed;
    long disabled;
    long deleted;
    long skipped;
    final Map<String, Long> outcomes = new LinkedHashMap<>();
    final List<ItemFailure> failures = new ArrayList<>();

    Tally(ItemReport<R, T> report) {
      this.report = report;
    }

    void delivered(R ref, Delivery.Delivered<T> delivered) {
      exported++;
      String counted = delivered.outcome().counted();
      if (!counted.isEmpty()) {
        outcomes.merge(counted, 1L, Long::sum);
      }
      report.delivered(ref, delivered);
    }

    void finished(R ref, boolean earlier) {
      report.finished(ref, earlier);
      if (earlier) {
        resumed++;
      }
      switch (sideEffects.step()) {
        case DISABLE -> disabled++;
        case DELETE -> deleted++;
        case KEEP -> { }
      }
    }

    ExportSummary summary() {
      return new ExportSummary(exported,
          Collections.unmodifiableMap(new LinkedHashMap<>(outcomes)), resumed, disabled,
          sideEffects.disabledLabel(), deleted, skipped, List.copyOf(failures),
          settings.stop().requested());
    }
  }

  /**
   * The items in each step, in input order. Finishing items count against the concurrency
   * unless finishing waits (a gateway hand-over waits minutes for the gateway to connect, for
   * all gateways at once); the calls it makes meanwhile are bounded by the call limiter.
   */
  private final class InFlight {
    final ArrayDeque<Reading<R, T>> reading = new ArrayDeque<>();
    final ArrayDeque<Delivering<R, T>> delivering = new ArrayDeque<>();
    final ArrayDeque<Finishing<R>> finishing = new ArrayDeque<>();

    int size() {
      return reading.size() + delivering.size() + (sideEffects.waits() ? 0 : finishing.size());
    }
  }

  /** Runs the items, telling {@code report} what became of each. */
  public ExportSummary run(Iterator<R> items, ItemReport<R, T> report) {
    InFlight inFlight = new InFlight();
    Tally tally = new Tally(report);
    RuntimeException inputFailure = null;
    boolean announced = false;
    try {
      while (true) {
        settings.progress().changed(tally::summary);
        while (!inFlight.finishing.isEmpty() && inFlight.finishing.peek().done().isDone()) {
          finish(inFlight.finishing.poll(), tally);
        }
        while (!inFlight.delivering.isEmpty()
            && inFlight.delivering.peek().delivered().isDone()) {
          written(inFlight.delivering.poll(), inFlight, tally);
        }
        try {
          while (inputFailure == null && !settings.stop().requested()
              && inFlight.size() < settings.concurrency() && items.hasNext()) {
            start(items.next(), inFlight, tally);
          }
        } catch (RuntimeException e) {
          // Items before the bad input are still completed, then the run stops.
          inputFailure = e;
        }
        if (!announced && inFlight.reading.isEmpty() && inFlight.delivering.isEmpty()
            && (inputFailure != null || settings.stop().requested() || !items.hasNext())) {
          announced = true;
          settings.allWritten().reached(inputFailure == null && !settings.stop().requested());
        }
        if (!inFlight.reading.isEmpty()) {
          deliver(inFlight.reading.poll(), inFlight, tally);
        } else if (!inFlight.delivering.isEmpty()) {
          written(inFlight.delivering.poll(), inFlight, tally);
        } else if (!inFlight.finishing.isEmpty()) {
          finish(inFlight.finishing.poll(), tally);
        } else if (inputFailure != null) {
          throw inputFailure;
        } else {
          break;
        }
      }
    } catch (RuntimeException e) {
      inFlight.reading.forEach(r -> r.item().cancel(false));
      awaitQuietly(inFlight.delivering);
      if (!announced) {
        settings.allWritten().reached(false);
      }
      finishQuietly(inFlight.finishing, tally);
      throw new ExportFailedException(e.getMessage(), e, tally.summary());
    } finally {
      settings.progress().ended();
    }
    return tally.summary();
  }

  private void start(R ref, InFlight inFlight, Tally tally) {
    Progress earlier = journal.progress(ref);
    if (earlier.isCompleteFor(sideEffects.step())) {
      log.debug("{} {}: already done by an earlier run ({})", noun, ref, earlier);
      tally.skipped++;
      tally.report.skipped(ref);
      sideEffects.alreadyDone(ref);
    } else if (earlier.isWritten()) {
      log.debug("{} {}: written by an earlier run; finishing it on the source", noun, ref);
      inFlight.finishing.add(finishing(ref, true));
    } else {
      inFlight.reading.add(new Reading<>(ref, reader.apply(ref),
          earlier == Progress.DELIVERING));
    }
  }

  /**
   * Records what the source step changes, then applies it and records it as soon as it is done,
   * whatever the output order.
   */
  private Finishing<R> finishing(R ref, boolean resumed) {
    CompletableFuture<Void> done = recordBefore(ref)
        .thenCompose(recorded -> sideEffects.apply(ref))
        .thenRun(() -> record(() -> journal.finished(ref, sideEffects.step(),
            sideEffects.journalEntry())));
    return new Finishing<>(ref, done, resumed);
  }

  /**
   * Keeps in the journal what the source step is about to change, for {@code undo}; once only: a
   * re-run after a crash would read what the step already changed.
   */
  private CompletableFuture<Void> recordBefore(R ref) {
    if (!journal.isEnabled() || journal.noted(ref, RunJournal.SOURCE_BEFORE).isPresent()) {
      return CompletableFuture.completedFuture(null);
    }
    return sideEffects.before(ref).thenAccept(before -> before.ifPresent(value ->
        record(() -> journal.note(ref, RunJournal.SOURCE_BEFORE, value))));
  }

  /** Transforms the item read and starts its delivery. */
  private void deliver(Reading<R, T> next, InFlight inFlight, Tally tally) {
    T item;
    try {
      item = transform.apply(Futures.await(next.item()));
    } catch (RuntimeException e) {
      fail(next.ref(), null, e.getMessage(), e, tally);
      return;
    }
    if (delivery.writes() && !next.resumed()) {
      record(() -> journal.delivering(next.ref()));
    }
    inFlight.delivering.add(new Delivering<>(next.ref(), item,
        delivery.deliver(item, next.resumed())));
  }

  /** Writes a delivered item and starts finishing it on the source. */
  private void written(Delivering<R, T> next, InFlight inFlight, Tally tally) {
    Delivery.Delivered<T> delivered;
    try {
      delivered = Futures.await(next.delivered());
    } catch (RuntimeException e) {
      fail(next.ref(), next.item(), e.getMessage(), e, tally);
      return;
    }
    long offset = write(next.ref(), delivered.item(), tally);
    if (offset < 0) {
      return;
    }
    if (delivered.outcome() == TargetOutcome.CREATED) {
      // What this run wrote, so that undo deletes only what it created and nobody changed since.
      record(() -> journal.note(next.ref(), RunJournal.TARGET_CREATED,
          TtsJson.instance().toJson(delivered.item())));
      delivered.notes().forEach((name, value) ->
          record(() -> journal.note(next.ref(), name, value)));
    }
    record(() -> journal.exported(next.ref(), offset));
    tally.delivered(next.ref(), delivered);
    log.debug("{} {}: written", noun, next.ref());
    inFlight.finishing.add(finishing(next.ref(), false));
  }

  /** Waits for deliveries in flight after a failure, so none is cut off half-way. */
  private void awaitQuietly(ArrayDeque<Delivering<R, T>> delivering) {
    for (Delivering<R, T> item : delivering) {
      try {
        Futures.await(item.delivered());
      } catch (RuntimeException e) {
        log.error("{}", e.getMessage());
      }
    }
  }

  /** Writes the item; returns the output offset after it, or -1 if it failed and was listed. */
  private long write(R ref, T item, Tally tally) {
    try {
      return writer.write(item);
    } catch (ItemRejectedException e) {
      fail(ref, item, noun + " " + ref + " " + e.getMessage(), e, tally);
      return -1;
    } catch (IOException e) {
      throw new OutputFailedException(noun + " " + ref + ": writing its JSON failed ("
          + e.getMessage() + "); it was not changed on the source", e);
    }
  }

  private void finish(Finishing<R> item, Tally tally) {
    try {
      Futures.await(item.done());
    } catch (OutputFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      fail(item.ref(), null, noun + " " + item.ref() + " is in the output, but "
          + e.getMessage(), e, tally);
      return;
    }
    tally.finished(item.ref(), item.resumed());
  }

  /** @param item the item as read, or null when it could not be read or is written already */
  private void fail(R ref, T item, String cause, RuntimeException e, Tally tally) {
    tally.failures.add(new ItemFailure(ref.toString(), cause));
    tally.report.failed(ref, item, cause, e);
    // A refused key, a missing right or a server gone would fail every item after this one.
    if (!settings.continueOnError() || MigrationException.runWide(e).isPresent()) {
      throw new DeviceFailedException(cause, e);
    }
    // Listed with its cause at the end of the run; said here only under --verbose.
    log.debug("{}", cause);
  }

  /** Finishes items already written after another failure; reports, but does not throw. */
  private void finishQuietly(ArrayDeque<Finishing<R>> finishing, Tally tally) {
    for (Finishing<R> item : finishing) {
      try {
        finish(item, tally);
      } catch (RuntimeException e) {
        log.error("{}", e.getMessage());
      }
    }
  }

  private interface JournalStep {
    void run() throws IOException;
  }

  private void record(JournalStep step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new OutputFailedException("recording progress in " + journal.path() + " failed ("
          + e.getMessage() + ")", e);
    }
  }

  /** Writing the output or the journal failed: the run cannot go on safely. */
  static final class OutputFailedException extends RuntimeException {
    OutputFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** An item failed and failures are not being collected. */
  static final class DeviceFailedException extends RuntimeException {
    DeviceFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
