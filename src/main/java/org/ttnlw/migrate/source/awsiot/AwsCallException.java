package org.ttnlw.migrate.source.awsiot;

import org.ttnlw.migrate.core.MigrationException;

/** A call to IoT Wireless failed for good; the message names what it was for and why. */
final class AwsCallException extends MigrationException {
  private final AwsFailure failure;

  AwsCallException(String what, String operation, AwsFailure failure, int attempts,
      Throwable cause) {
    super(what + ": AWS IoT Wireless " + operation + " failed: " + failure.describe()
        + (attempts > 1 ? " (gave up after " + attempts + " attempts)" : ""), cause);
    this.failure = failure;
  }

  @Override
  public boolean failsEveryItem() {
    return failure.failsEveryCall();
  }

  @Override
  public boolean isNotFound() {
    return failure.notFound();
  }
}
