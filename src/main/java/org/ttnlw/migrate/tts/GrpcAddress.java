package org.ttnlw.migrate.tts;

import org.ttnlw.migrate.core.ConfigException;

/** A server address as {@code host:port}; the TTS default gRPC port is added when none is given. */
final class GrpcAddress {
  private static final int TLS_PORT = 8884;
  private static final int PLAINTEXT_PORT = 1884;

  private GrpcAddress() {}

  static String check(TtsServer server, String address, boolean plaintext) {
    String hostPort = address.replaceFirst("^(?i)(grpcs?|https?)://", "");
    if (hostPort.isEmpty() || hostPort.contains("/") || hostPort.chars().anyMatch(Character::isWhitespace)) {
      throw new ConfigException("invalid " + server.shortName() + " gRPC address \""
          + address + "\": expected HOST:PORT, e.g. eu1.cloud.thethings.network:8884");
    }
    int colon = hostPort.lastIndexOf(':');
    boolean bracketedIpv6 = hostPort.endsWith("]");
    if (colon < 0 || bracketedIpv6) {
      return hostPort + ":" + (plaintext ? PLAINTEXT_PORT : TLS_PORT);
    }
    String port = hostPort.substring(colon + 1);
    if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535 || colon == 0) {
      throw new ConfigException("invalid " + server.shortName() + " gRPC address \""
          + address + "\": expected HOST:PORT with a port from 1 to 65535");
    }
    return hostPort;
  }
}
