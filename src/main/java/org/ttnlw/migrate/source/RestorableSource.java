package org.ttnlw.migrate.source;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.DeviceRef;

/**
 * A source that can put a device back as it was before a run took it out of service, so that
 * {@code undo} can give it back: what a step changes is read just before the step and kept in the
 * run's journal, and given back to {@link #restore}. A {@link Source} implements it besides its
 * contract; {@code undo} tests for it with {@code instanceof}.
 */
public interface RestorableSource {
  /**
   * What {@code step} is about to change of the device, read from the source now, as one line of
   * text without tabs. It may hold secrets (Firefly's keys): it is kept in the owner-only journal
   * and never logged. Empty when this source cannot undo the step.
   */
  CompletableFuture<Optional<String>> before(DeviceRef device, SourceStep step);

  /**
   * Puts back what {@link #before} read before {@code step}; doing it twice is harmless. A device
   * deleted at the source is re-created from the copy, and read back, unless the source holds a
   * device of that ID again.
   */
  CompletableFuture<Restored> restore(DeviceRef device, SourceStep step, String before);

  /** What {@link #restore} did. */
  enum Restored {
    RESTORED,
    /** A device the run deleted is at the source again (someone re-created it): not touched. */
    FOUND_THERE
  }
}
