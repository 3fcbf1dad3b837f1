package org.ttnlw.migrate.source.firefly;

import org.ttnlw.migrate.core.MigrationException;

/** A Firefly call failed; the message names what was asked and never holds the API key. */
final class FireflyCallException extends MigrationException {
  private final int status;
  private final boolean failsEveryItem;

  /**
   * @param status the HTTP status, or 0 when no answer came
   * @param failsEveryItem whether the key was refused or the server cannot be reached at all
   */
  FireflyCallException(String message, int status, boolean failsEveryItem) {
    super(message);
    this.status = status;
    this.failsEveryItem = failsEveryItem;
  }

  int status() {
    return status;
  }

  @Override
  public boolean failsEveryItem() {
    return failsEveryItem;
  }

  @Override
  public boolean isNotFound() {
    return status == 404;
  }
}
