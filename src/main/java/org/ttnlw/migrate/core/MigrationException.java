package org.ttnlw.migrate.core;

/**
 * A call to the source failed for one device (or one listing). The message is one
 * line an operator can act on: the device, the server and call, then the cause.
 */
public class MigrationException extends RuntimeException {
  public MigrationException(String message, Throwable cause) {
    super(message, cause);
  }

  public MigrationException(String message) {
    super(message);
  }
}
