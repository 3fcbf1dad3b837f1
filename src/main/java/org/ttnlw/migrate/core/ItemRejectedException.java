package org.ttnlw.migrate.core;

/** A device cannot be exported as asked; the message names the device and what to change. */
public final class ItemRejectedException extends RuntimeException {
  public ItemRejectedException(String message) {
    super(message);
  }
}
