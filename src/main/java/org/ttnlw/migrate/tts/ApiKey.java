package org.ttnlw.migrate.tts;

/** A TTS API key. Its text leaves this object only as the authorization header. */
public final class ApiKey {
  private final String value;

  ApiKey(String value) {
    this.value = value;
  }

  String bearerHeader() {
    return "Bearer " + value;
  }

  @Override
  public String toString() {
    return "ApiKey[redacted]";
  }
}
