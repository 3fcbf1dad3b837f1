package org.ttnlw.migrate.source.firefly;

import java.time.Duration;
import org.ttnlw.migrate.core.MigrationException;

/** A Firefly call failed; the message names what was asked and never holds the API key. */
final class FireflyCallException extends MigrationException {
  private final int status;
  private final boolean failsEveryItem;
  private final Duration serverAsked;

  /**
   * @param status the HTTP status, or 0 when no answer came
   * @param failsEveryItem whether the key was refused or the server cannot be reached at all
   */
  FireflyCallException(String message, int status, boolean failsEveryItem) {
    this(message, status, failsEveryItem, Duration.ZERO);
  }

  /** @param serverAsked how long Firefly asked to wait before the next request; zero for not */
  FireflyCallException(String message, int status, boolean failsEveryItem,
      Duration serverAsked) {
    super(message);
    this.status = status;
    this.failsEveryItem = failsEveryItem;
    this.serverAsked = serverAsked;
  }

  int status() {
    return status;
  }

  Duration serverAsked() {
    return serverAsked;
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
