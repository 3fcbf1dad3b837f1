package org.ttnlw.migrate.export;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Futures;
import org.ttnlw.migrate.source.Source;

/**
 * Device references in, device JSON out, then the source told about each written
 * device. Up to {@code concurrency} devices are in flight (being read, or being
 * finished on the source); output keeps the input order whatever the concurrency.
 *
 * <p>The journal is consulted for each device: one an earlier run completed is
 * skipped, one it wrote but did not finish is only finished. A device's step is
 * recorded, synced, before the next step: its JSON is on disk (or flushed to stdout)
 * before the source is changed.
 *
 * <p>A failure stops the export, unless failures are to be collected: nothing new
 * is started, devices already written are finished on the source, and later
 * devices are neither written nor touched. A stop signal ends the run the same
 * way, without a failure.
 */
public final class ExportPipeline {
  private static final Logger log = LoggerFactory.getLogger(ExportPipeline.class);

  private final Source source;
  private final DeviceTransform transform;
  private final DeviceWriter writer;
  private final SourceSideEffects sideEffects;
  private final RunJournal journal;
  private final Settings settings;

  /**
   * @param concurrency devices in flight at once
   * @param continueOnError whether a failed device is listed and skipped rather than ending the run
   */
  public record Settings(int concurrency, boolean continueOnError, StopSignal stop) {}

  public ExportPipeline(Source source, DeviceTransform transform, DeviceWriter writer,
      SourceSideEffects sideEffects, RunJournal journal, Settings settings) {
    this.source = source;
    this.transform = transform;
    this.writer = writer;
    this.sideEffects = sideEffects;
    this.journal = journal;
    this.settings = settings;
  }

  private record Reading(DeviceRef ref, CompletableFuture<EndDevice> device) {}

  private record Finishing(DeviceRef ref, CompletableFuture<Void> done) {}

  /** Counts of the run so far. */
  private final class Tally {
    long exported;
    long disabled;
    long deleted;
    long skipped;
    final List<DeviceFailure> failures = new ArrayList<>();

    void finished() {
      switch (sideEffects.step()) {
        case DISABLE -> disabled++;
        case DELETE -> deleted++;
        case KEEP -> { }
      }
    }

    ExportSummary summary() {
      return new ExportSummary(exported, disabled, sideEffects.disabledLabel(), deleted, skipped,
          List.copyOf(failures), settings.stop().requested());
    }
  }

  public ExportSummary run(Iterator<DeviceRef> devices) {
    ArrayDeque<Reading> reading = new ArrayDeque<>();
    ArrayDeque<Finishing> finishing = new ArrayDeque<>();
    ProgressLog progress = new ProgressLog();
    Tally tally = new Tally();
    RuntimeException inputFailure = null;
    try {
      while (true) {
        while (!finishing.isEmpty() && finishing.peek().done().isDone()) {
          finish(finishing.poll(), tally);
        }
        try {
          while (inputFailure == null && !settings.stop().requested()
              && reading.size() + finishing.size() < settings.concurrency() && devices.hasNext()) {
            start(devices.next(), reading, finishing, tally);
          }
        } catch (RuntimeException e) {
          // Devices before the bad input are still completed, then the run stops.
          inputFailure = e;
        }
        if (reading.isEmpty()) {
          if (finishing.isEmpty()) {
            if (inputFailure != null) {
              throw inputFailure;
            }
            break;
          }
          finish(finishing.poll(), tally);
          continue;
        }
        Reading next = reading.poll();
        EndDevice device;
        try {
          device = transform.apply(Futures.await(next.device()));
        } catch (RuntimeException e) {
          fail(next.ref(), e.getMessage(), e, tally);
          continue;
        }
        long offset = write(next.ref(), device, tally);
        if (offset < 0) {
          continue;
        }
        record(() -> journal.exported(next.ref(), offset));
        tally.exported++;
        log.debug("device {}: written", next.ref());
        finishing.add(new Finishing(next.ref(), sideEffects.apply(next.ref())));
        progress.exported(tally.exported);
      }
    } catch (RuntimeException e) {
      reading.forEach(r -> r.device().cancel(false));
      finishQuietly(finishing, tally);
      throw new ExportFailedException(e.getMessage(), e, tally.summary());
    }
    return tally.summary();
  }

  private void start(DeviceRef ref, ArrayDeque<Reading> reading, ArrayDeque<Finishing> finishing,
      Tally tally) {
    DeviceProgress earlier = journal.progress(ref);
    if (earlier.isCompleteFor(sideEffects.step())) {
      log.debug("device {}: already done by an earlier run ({})", ref, earlier);
      tally.skipped++;
      sideEffects.alreadyDone(ref);
    } else if (earlier != DeviceProgress.NEW) {
      log.debug("device {}: written by an earlier run; finishing it on the source", ref);
      finishing.add(new Finishing(ref, sideEffects.apply(ref)));
    } else {
      reading.add(new Reading(ref, source.fetch(ref)));
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
    if (!settings.continueOnError()) {
      throw new DeviceFailedException(cause, e);
    }
    log.error("{}", cause);
    tally.failures.add(new DeviceFailure(ref, cause));
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
