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

  /**
   * Whether the cause lies in the connection or the key (refused, short of a right, an address
   * nobody answers, TLS that does not match) and so will fail every other item too: the run stops
   * there even with {@code --continue-on-error}.
   */
  public boolean failsEveryItem() {
    return false;
  }

  /** Whether the source answered that the item does not exist. */
  public boolean isNotFound() {
    return false;
  }

  /**
   * The first {@link MigrationException} in {@code failure}'s causes that fails every item, if
   * any.
   */
  public static java.util.Optional<MigrationException> runWide(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof MigrationException source && source.failsEveryItem()) {
        return java.util.Optional.of(source);
      }
    }
    return java.util.Optional.empty();
  }
}
