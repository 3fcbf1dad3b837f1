package org.ttnlw.migrate.export;

import org.ttnlw.migrate.source.SourceStep;

/** How far a device got in an earlier run, as the run journal recorded it. */
public enum DeviceProgress {
  NEW,
  EXPORTED,
  DISABLED,
  DELETED;

  /** Whether nothing is left to do for the device when the source is to get {@code step}. */
  boolean isCompleteFor(SourceStep step) {
    return switch (step) {
      case KEEP -> this != NEW;
      case DISABLE -> this == DISABLED || this == DELETED;
      case DELETE -> this == DELETED;
    };
  }

  static DeviceProgress after(SourceStep step) {
    return switch (step) {
      case KEEP -> EXPORTED;
      case DISABLE -> DISABLED;
      case DELETE -> DELETED;
    };
  }
}
