package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.ConfigException;

class GrpcAddressTest {
  private static String check(String address, boolean plaintext) {
    return GrpcAddress.check(TtsServer.NETWORK_SERVER, address, plaintext);
  }

  @Test
  void keepsHostAndPort() {
    assertEquals("eu1.cloud.thethings.network:8884", check("eu1.cloud.thethings.network:8884", false));
  }

  @Test
  void addsTheDefaultTtsPort() {
    assertEquals("tts.example.com:8884", check("tts.example.com", false));
    assertEquals("localhost:1884", check("localhost", true));
  }

  @Test
  void dropsAUrlScheme() {
    assertEquals("tts.example.com:8884", check("https://tts.example.com:8884", false));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(ConfigException.class, () -> check("host:99999", false));
    assertThrows(ConfigException.class, () -> check("host:port", false));
    assertThrows(ConfigException.class, () -> check("tts.example.com/path", false));
  }
}
