package org.ttnlw.migrate.export;

/** A device cannot be exported as asked; the message names the device and what to change. */
public final class DeviceRejectedException extends RuntimeException {
  public DeviceRejectedException(String message) {
    super(message);
  }
}
