package org.ttnlw.migrate.source;

/**
 * A call to the source failed for one device (or one listing). The message is one
 * line an operator can act on: the device, the server and call, then the cause.
 */
public class SourceException extends RuntimeException {
  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }

  public SourceException(String message) {
    super(message);
  }
}
