package org.ttnlw.migrate.export;

import org.ttnlw.migrate.source.SourceStep;

/** How far a device got in an earlier run, as the run journal recorded it, in order. */
public enum DeviceProgress {
  NEW,
  /** Its delivery into the target started; the target may hold part of it. */
  DELIVERING,
  /** Delivered and its line written. */
  EXPORTED,
  DISABLED,
  DELETED;

  /** Whether nothing is left to do for the device when the source is to get {@code step}. */
  boolean isCompleteFor(SourceStep step) {
    return switch (step) {
      case KEEP -> isWritten();
      case DISABLE -> this == DISABLED || this == DELETED;
      case DELETE -> this == DELETED;
    };
  }

  /** Whether its line is written, so only the source step can be left. */
  boolean isWritten() {
    return compareTo(EXPORTED) >= 0;
  }

  static DeviceProgress after(SourceStep step) {
    return switch (step) {
      case KEEP -> EXPORTED;
      case DISABLE -> DISABLED;
      case DELETE -> DELETED;
    };
  }
}
