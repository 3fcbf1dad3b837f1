package org.ttnlw.migrate.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A secret (an API key) given as a flag, or in a file so it stays out of shell history and ps. */
public final class SecretFlag {
  /** Ends the help of every flag that takes a secret. */
  public static final String VISIBLE_IN_PS = " Other users on this machine see a flag's value in"
      + " `ps`: prefer the -file flag or the environment variable.";

  private SecretFlag() {}

  /**
   * The secret: {@code value} when given, else the file's content, surrounding white space
   * ignored.
   *
   * @param what the secret's name in messages, e.g. "API key"
   * @param missing the message when neither is given
   * @throws ConfigException when it is missing, the file cannot be read or is empty, or the
   *     secret holds white space or non-ASCII characters
   */
  public static String read(String value, Path file, String what, String missing) {
    String secret = value == null || value.isBlank() ? null : value.strip();
    if (secret == null && file != null) {
      try {
        secret = Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new ConfigException("cannot read the " + what + " file " + file + ": "
            + e.getMessage());
      }
      if (secret.isEmpty()) {
        throw new ConfigException("the " + what + " file " + file + " is empty");
      }
    }
    if (secret == null) {
      throw new ConfigException(missing);
    }
    if (secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      throw new ConfigException("the " + what + " contains white space or non-ASCII"
          + " characters; check how it was copied");
    }
    return secret;
  }
}
