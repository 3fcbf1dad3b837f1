package org.ttnlw.migrate.calls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ttnlw.migrate.source.SourceConfigException;

/** An API key. Its text leaves this object only as the authorization header. */
public final class ApiKey {
  private final String value;

  public ApiKey(String value) {
    this.value = value;
  }

  /**
   * The key given as text or, when there is none, in a file (surrounding white space ignored).
   *
   * @param howToSet how the operator gives a key, for the message when there is none
   * @throws SourceConfigException when there is no usable key
   */
  public static ApiKey from(String text, Path file, String howToSet) {
    String key = blankToNull(text);
    if (key == null && file != null) {
      try {
        key = blankToNull(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new SourceConfigException("cannot read the API key file " + file + ": "
            + e.getMessage());
      }
      if (key == null) {
        throw new SourceConfigException("the API key file " + file + " is empty");
      }
    }
    if (key == null) {
      throw new SourceConfigException("no API key: " + howToSet);
    }
    if (key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new SourceConfigException("the API key contains white space or non-ASCII characters;"
          + " check how it was copied");
    }
    return new ApiKey(key);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  String bearerHeader() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
