package org.ttnlw.migrate.export;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Iterator;
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
 * A failure stops the export: nothing new is started, devices already written
 * are finished on the source, and later devices are neither written nor touched.
 */
public final class ExportPipeline {
  private static final Logger log = LoggerFactory.getLogger(ExportPipeline.class);

  private final Source source;
  private final DeviceTransform transform;
  private final DeviceWriter writer;
  private final SourceSideEffects sideEffects;
  private final int concurrency;

  public ExportPipeline(Source source, DeviceTransform transform, DeviceWriter writer,
      SourceSideEffects sideEffects, int concurrency) {
    this.source = source;
    this.transform = transform;
    this.writer = writer;
    this.sideEffects = sideEffects;
    this.concurrency = concurrency;
  }

  private record Reading(DeviceRef ref, CompletableFuture<EndDevice> device) {}

  private record Finishing(DeviceRef ref, CompletableFuture<Void> done) {}

  public ExportSummary run(Iterator<DeviceRef> devices) {
    ArrayDeque<Reading> reading = new ArrayDeque<>();
    ArrayDeque<Finishing> finishing = new ArrayDeque<>();
    ProgressLog progress = new ProgressLog();
    long exported = 0;
    long finished = 0;
    RuntimeException inputFailure = null;
    try {
      while (true) {
        while (!finishing.isEmpty() && finishing.peek().done().isDone()) {
          finish(finishing.poll());
          finished++;
        }
        try {
          while (inputFailure == null && reading.size() + finishing.size() < concurrency
              && devices.hasNext()) {
            DeviceRef ref = devices.next();
            reading.add(new Reading(ref, source.fetch(ref)));
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
          finish(finishing.poll());
          finished++;
          continue;
        }
        Reading next = reading.poll();
        EndDevice device = transform.apply(Futures.await(next.device()));
        write(next.ref(), device);
        exported++;
        log.debug("device {}: written", next.ref());
        finishing.add(new Finishing(next.ref(), sideEffects.afterExport(next.ref())));
        progress.exported(exported);
      }
    } catch (RuntimeException e) {
      reading.forEach(r -> r.device().cancel(false));
      finished += finishQuietly(finishing);
      throw new ExportFailedException(e.getMessage(), e,
          new ExportSummary(exported, finished, sideEffects.action()));
    }
    return new ExportSummary(exported, finished, sideEffects.action());
  }

  private void write(DeviceRef ref, EndDevice device) {
    try {
      writer.write(device);
    } catch (IOException e) {
      throw new OutputFailedException("device " + ref + ": writing its JSON failed ("
          + e.getMessage() + "); it was not changed on the source", e);
    }
  }

  private static void finish(Finishing device) {
    try {
      Futures.await(device.done());
    } catch (RuntimeException e) {
      throw new SourceNotUpdatedException("device " + device.ref() + " is in the output, but "
          + e.getMessage(), e);
    }
  }

  /** Finishes devices already written after another failure; reports, but does not throw. */
  private static long finishQuietly(ArrayDeque<Finishing> finishing) {
    long finished = 0;
    for (Finishing device : finishing) {
      try {
        finish(device);
        finished++;
      } catch (RuntimeException e) {
        log.error("{}", e.getMessage());
      }
    }
    return finished;
  }

  /** Writing to the output failed. */
  static final class OutputFailedException extends RuntimeException {
    OutputFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A device was written but the source could not be told. */
  static final class SourceNotUpdatedException extends RuntimeException {
    SourceNotUpdatedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
