package org.ttnlw.migrate.export;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Futures;
import org.ttnlw.migrate.source.Source;

/**
 * Device references in, device JSON out, then the source told about each written device. Each
 * device is read from the source, transformed, delivered (nowhere for an export, into the target
 * for a migration), written, and only then finished on the source. Up to {@code concurrency}
 * devices are in flight in any of these steps; output keeps the input order whatever the
 * concurrency.
 *
 * <p>The journal is consulted for each device: one an earlier run completed is skipped, one it
 * wrote but did not finish is only finished, one whose delivery it started is delivered again as
 * resumed. A device's step is recorded, synced, before the next step: the delivery is recorded
 * before it changes the target, the JSON is on disk (or flushed to stdout) before the source is
 * changed.
 *
 * <p>A failure stops the run, unless failures are to be collected: nothing new is started,
 * deliveries in flight are waited for but not written, devices already written are finished on
 * the source, and later devices are neither written nor touched. A stop signal ends the run the
 * same way, without a failure.
 */
public final class ExportPipeline {
  private static final Logger log = LoggerFactory.getLogger(ExportPipeline.class);

  private final Source source;
  private final DeviceTransform transform;
  private final DeviceDelivery delivery;
  private final DeviceWriter writer;
  private final SourceSideEffects sideEffects;
  private final RunJournal journal;
  private final Settings settings;

  /**
   * @param concurrency devices in flight at once
   * @param continueOnError whether a failed device is listed and skipped rather than ending the run
   */
  public record Settings(int concurrency, boolean continueOnError, StopSignal stop,
      RunProgress progress) {}

  public ExportPipeline(Source source, DeviceTransform transform, DeviceDelivery delivery,
      DeviceWriter writer, SourceSideEffects sideEffects, RunJournal journal, Settings settings) {
    this.source = source;
    this.transform = transform;
    this.delivery = delivery;
    this.writer = writer;
    this.sideEffects = sideEffects;
    this.journal = journal;
    this.settings = settings;
  }

  private record Reading(DeviceRef ref, CompletableFuture<EndDevice> device, boolean resumed) {}

  private record Delivering(DeviceRef ref, CompletableFuture<DeviceDelivery.Delivered> delivered) {}

  private record Finishing(DeviceRef ref, CompletableFuture<Void> done) {}

  /** Counts of the run so far. */
  private final class Tally {
    long exported;
    long disabled;
    long deleted;
    long skipped;
    final Map<String, Long> outcomes = new LinkedHashMap<>();
    final List<DeviceFailure> failures = new ArrayList<>();

    void delivered(String outcome) {
      exported++;
      if (!outcome.isEmpty()) {
        outcomes.merge(outcome, 1L, Long::sum);
      }
    }

    void finished() {
      switch (sideEffects.step()) {
        case DISABLE -> disabled++;
        case DELETE -> deleted++;
        case KEEP -> { }
      }
    }

    ExportSummary summary() {
      return new ExportSummary(exported,
          Collections.unmodifiableMap(new LinkedHashMap<>(outcomes)), disabled,
          sideEffects.disabledLabel(), deleted, skipped, List.copyOf(failures),
          settings.stop().requested());
    }
  }

  /** The devices in each step, in input order. */
  private final class InFlight {
    final ArrayDeque<Reading> reading = new ArrayDeque<>();
    final ArrayDeque<Delivering> delivering = new ArrayDeque<>();
    final ArrayDeque<Finishing> finishing = new ArrayDeque<>();

    int size() {
      return reading.size() + delivering.size() + finishing.size();
    }
  }

  public ExportSummary run(Iterator<DeviceRef> devices) {
    InFlight inFlight = new InFlight();
    Tally tally = new Tally();
    RuntimeException inputFailure = null;
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
              && inFlight.size() < settings.concurrency() && devices.hasNext()) {
            start(devices.next(), inFlight, tally);
          }
        } catch (RuntimeException e) {
          // Devices before the bad input are still completed, then the run stops.
          inputFailure = e;
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
      inFlight.reading.forEach(r -> r.device().cancel(false));
      awaitQuietly(inFlight.delivering);
      finishQuietly(inFlight.finishing, tally);
      throw new ExportFailedException(e.getMessage(), e, tally.summary());
    } finally {
      settings.progress().ended();
    }
    return tally.summary();
  }

  private void start(DeviceRef ref, InFlight inFlight, Tally tally) {
    DeviceProgress earlier = journal.progress(ref);
    if (earlier.isCompleteFor(sideEffects.step())) {
      log.debug("device {}: already done by an earlier run ({})", ref, earlier);
      tally.skipped++;
      sideEffects.alreadyDone(ref);
    } else if (earlier.isWritten()) {
      log.debug("device {}: written by an earlier run; finishing it on the source", ref);
      inFlight.finishing.add(new Finishing(ref, sideEffects.apply(ref)));
    } else {
      inFlight.reading.add(new Reading(ref, source.fetch(ref),
          earlier == DeviceProgress.DELIVERING));
    }
  }

  /** Transforms the device read and starts its delivery. */
  private void deliver(Reading next, InFlight inFlight, Tally tally) {
    EndDevice device;
    try {
      device = transform.apply(Futures.await(next.device()));
    } catch (RuntimeException e) {
      fail(next.ref(), e.getMessage(), e, tally);
      return;
    }
    if (delivery.writes() && !next.resumed()) {
      record(() -> journal.delivering(next.ref()));
    }
    inFlight.delivering.add(new Delivering(next.ref(),
        delivery.deliver(device, next.resumed())));
  }

  /** Writes a delivered device and starts finishing it on the source. */
  private void written(Delivering next, InFlight inFlight, Tally tally) {
    DeviceDelivery.Delivered delivered;
    try {
      delivered = Futures.await(next.delivered());
    } catch (RuntimeException e) {
      fail(next.ref(), e.getMessage(), e, tally);
      return;
    }
    long offset = write(next.ref(), delivered.device(), tally);
    if (offset < 0) {
      return;
    }
    record(() -> journal.exported(next.ref(), offset));
    tally.delivered(delivered.outcome());
    log.debug("device {}: written", next.ref());
    inFlight.finishing.add(new Finishing(next.ref(), sideEffects.apply(next.ref())));
  }

  /** Waits for deliveries in flight after a failure, so none is cut off half-way. */
  private static void awaitQuietly(ArrayDeque<Delivering> delivering) {
    for (Delivering device : delivering) {
      try {
        Futures.await(device.delivered());
      } catch (RuntimeException e) {
        log.error("{}", e.getMessage());
      }
    }
  }

  /** Writes the device; returns the output offset after it, or -1 if it failed and was listed. */
  private long write(DeviceRef ref, EndDevice device, Tally tally) {
    try {
      return writer.write(device);
    } catch (DeviceRejectedException e) {
      fail(ref, e.getMessage(), e, tally);
      return -1;
    } catch (IOException e) {
      throw new OutputFailedException("device " + ref + ": writing its JSON failed ("
          + e.getMessage() + "); it was not changed on the source", e);
    }
  }

  private void finish(Finishing device, Tally tally) {
    try {
      Futures.await(device.done());
    } catch (RuntimeException e) {
      fail(device.ref(), "device " + device.ref() + " is in the output, but " + e.getMessage(), e,
          tally);
      return;
    }
    record(() -> journal.finished(device.ref(), sideEffects.step()));
    tally.finished();
  }

  private void fail(DeviceRef ref, String cause, RuntimeException e, Tally tally) {
    tally.failures.add(new DeviceFailure(ref, cause));
    if (!settings.continueOnError()) {
      throw new DeviceFailedException(cause, e);
    }
    log.error("{}", cause);
  }

  /** Finishes devices already written after another failure; reports, but does not throw. */
  private void finishQuietly(ArrayDeque<Finishing> finishing, Tally tally) {
    for (Finishing device : finishing) {
      try {
        finish(device, tally);
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

  /** A device failed and failures are not being collected. */
  static final class DeviceFailedException extends RuntimeException {
    DeviceFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
