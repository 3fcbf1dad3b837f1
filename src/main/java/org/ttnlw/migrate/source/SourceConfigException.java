package org.ttnlw.migrate.source;

/** A source setting is missing or invalid; raised before any network call. */
public final class SourceConfigException extends RuntimeException {
  public SourceConfigException(String message) {
    super(message);
  }
}
