package org.ttnlw.migrate.core;

/** A source setting is missing or invalid; raised before any network call. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
