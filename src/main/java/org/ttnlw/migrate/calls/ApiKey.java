package org.ttnlw.migrate.calls;

import java.nio.file.Path;
import org.ttnlw.migrate.core.SecretFlag;

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
   * @throws ConfigException when there is no usable key
   */
  public static ApiKey from(String text, Path file, String howToSet) {
    return new ApiKey(SecretFlag.read(text, file, "API key", "no API key: " + howToSet));
  }

  String bearerHeader() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
