package org.ttnlw.migrate.target;

import java.util.List;
import org.ttnlw.migrate.pipeline.DiffersInTarget;

/** A device cannot go into the target as it is; the message names the device and what to do. */
public final class TargetDeviceException extends RuntimeException implements DiffersInTarget {
  private final List<String> differing;

  TargetDeviceException(String message) {
    this(message, null, List.of());
  }

  TargetDeviceException(String message, Throwable cause) {
    this(message, cause, List.of());
  }

  private TargetDeviceException(String message, Throwable cause, List<String> differing) {
    super(message, cause);
    this.differing = List.copyOf(differing);
  }

  /** The item is already in the target and differs there in {@code differing}: left as it is. */
  static TargetDeviceException differs(String message, List<String> differing) {
    return new TargetDeviceException(message, null, differing);
  }

  /** The differing fields when the item is in the target already and differs; else empty. */
  @Override
  public List<String> differingFields() {
    return differing;
  }
}
