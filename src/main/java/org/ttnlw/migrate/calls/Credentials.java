package org.ttnlw.migrate.calls;

import org.ttnlw.migrate.core.SecretFlag;

/**
 * A source's API key and how to trust its server, checked from its flags before any call.
 *
 * @param apiKey the key's text, for a source that sends it in its own way
 */
public record Credentials(String apiKey, TrustSettings trust) {

  /**
   * @param apiKey the value of the source's key flag, or null: the key file is read instead
   * @param plaintext whether the source's TLS switch is off; the CA file is then not read
   * @param keyName the key's name in messages, e.g. "API key"
   * @param missing the message when neither the key nor its file is given
   * @throws org.ttnlw.migrate.core.ConfigException when the key or the CA file is unusable
   */
  public static Credentials from(KeyFileAndCaOptions files, String apiKey, boolean plaintext,
      String keyName, String missing) {
    return new Credentials(SecretFlag.read(apiKey, files.apiKeyFile, keyName, missing),
        TrustSettings.from(plaintext, files.caFile));
  }

  @Override
  public String toString() {
    return "Credentials[apiKey=redacted, trust=" + trust + "]";
  }
}
