package org.ttnlw.migrate.source.firefly;

import org.ttnlw.migrate.core.MigrationException;

/** A Firefly call failed; the message names what was asked and never holds the API key. */
final class FireflyCallException extends MigrationException {
  private final int status;

  /** @param status the HTTP status, or 0 when no answer came */
  FireflyCallException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  boolean isNotFound() {
    return status == 404;
  }
}
