package org.ttnlw.migrate.export;

/** How far a device got in an earlier run, as the run journal recorded it. */
public enum DeviceProgress {
  NEW,
  EXPORTED,
  DOWNLINKS_DISABLED,
  DELETED;

  /** Whether nothing is left to do for the device when the source is to get {@code action}. */
  boolean isCompleteFor(SourceSideEffects.Action action) {
    return switch (action) {
      case NONE -> this != NEW;
      case DISABLE_DOWNLINKS -> this == DOWNLINKS_DISABLED || this == DELETED;
      case DELETE -> this == DELETED;
    };
  }

  static DeviceProgress after(SourceSideEffects.Action action) {
    return switch (action) {
      case NONE -> EXPORTED;
      case DISABLE_DOWNLINKS -> DOWNLINKS_DISABLED;
      case DELETE -> DELETED;
    };
  }
}
