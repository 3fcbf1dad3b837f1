package org.ttnlw.migrate.target;

/** A device cannot go into the target as it is; the message names the device and what to do. */
public final class TargetDeviceException extends RuntimeException {
  TargetDeviceException(String message) {
    super(message);
  }

  TargetDeviceException(String message, Throwable cause) {
    super(message, cause);
  }
}
