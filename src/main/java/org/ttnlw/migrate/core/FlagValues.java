package org.ttnlw.migrate.core;

import java.util.Optional;

/** A flag's text as a setting: blank (an empty environment variable, say) counts as not given. */
public final class FlagValues {
  private FlagValues() {}

  /** The value without surrounding spaces, or empty when it is null or blank. */
  public static Optional<String> given(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  /** @throws ConfigException with {@code missing} when the value is null or blank */
  public static String required(String value, String missing) {
    return given(value).orElseThrow(() -> new ConfigException(missing));
  }
}
