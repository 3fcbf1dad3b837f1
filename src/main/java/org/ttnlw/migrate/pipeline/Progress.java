package org.ttnlw.migrate.pipeline;

import org.ttnlw.migrate.source.SourceStep;

/** How far an item got in an earlier run, as the run journal recorded it, in order. */
public enum Progress {
  NEW,
  /** Its delivery into the target started; the target may hold part of it. */
  DELIVERING,
  /** Delivered and its line written. */
  EXPORTED,
  /** Out of service at the source: a device disabled, a gateway handed over to the target. */
  DISABLED,
  DELETED;

  /** Whether nothing is left to do for the item when the source is to get {@code step}. */
  boolean isCompleteFor(SourceStep step) {
    return compareTo(after(step)) >= 0;
  }

  /** Whether its line is written, so only the source step can be left. */
  boolean isWritten() {
    return compareTo(EXPORTED) >= 0;
  }

  static Progress after(SourceStep step) {
    return switch (step) {
      case KEEP -> EXPORTED;
      case DISABLE -> DISABLED;
      case DELETE -> DELETED;
    };
  }
}
