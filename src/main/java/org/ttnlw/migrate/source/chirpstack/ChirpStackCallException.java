package org.ttnlw.migrate.source.chirpstack;

import io.grpc.Status;
import org.ttnlw.migrate.calls.FailureReach;
import org.ttnlw.migrate.core.MigrationException;

/**
 * A call to ChirpStack failed; the message names what was asked, of which service and address,
 * the status, and (in {@code remark}, if not empty) how often it was tried.
 */
final class ChirpStackCallException extends MigrationException {
  private final Status status;
  private final boolean failsEveryItem;

  ChirpStackCallException(String what, String service, String address, String rpc,
      Throwable failure, String remark) {
    super(what + ": " + service + "/" + rpc + " at " + address + " failed: " + describe(failure)
        + (remark.isEmpty() ? "" : "; " + remark), failure);
    this.status = Status.fromThrowable(failure);
    this.failsEveryItem = FailureReach.failsEveryCall(failure) && !isMissingOrHidden();
  }

  @Override
  public boolean failsEveryItem() {
    return failsEveryItem;
  }

  static String describe(Throwable failure) {
    Status status = Status.fromThrowable(failure);
    StringBuilder text = new StringBuilder(status.getCode().name());
    if (status.getDescription() != null && !status.getDescription().isEmpty()) {
      text.append(": ").append(status.getDescription());
    } else if (status.getCause() != null) {
      text.append(": ").append(status.getCause().getMessage());
    }
    if (status.getCode() == Status.Code.UNAUTHENTICATED && status.getDescription() != null
        && !status.getDescription().isEmpty()) {
      text.append(" (check the API key)");
    }
    return text.toString();
  }

  @Override
  public boolean isNotFound() {
    return status.getCode() == Status.Code.NOT_FOUND;
  }

  /**
   * Whether ChirpStack says the object is missing: NOT_FOUND to admin keys, but UNAUTHENTICATED
   * without a message to tenant keys, whose access check cannot link it to their tenant.
   */
  boolean isMissingOrHidden() {
    return isNotFound() || (status.getCode() == Status.Code.UNAUTHENTICATED
        && (status.getDescription() == null || status.getDescription().isEmpty()));
  }
}
