package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.calls.TrustSettings;

class TtsChannelsTest {
  @Test
  void anAddressNoChannelCanBeOpenedToLeavesNoNetworkThreadBehind() {
    Map<TtsServer, String> addresses = new EnumMap<>(TtsServer.class);
    for (TtsServer server : TtsServer.values()) {
      addresses.put(server, "localhost:1884");
    }
    addresses.put(TtsServer.values()[TtsServer.values().length - 1], "no scheme://a b");

    assertThrows(IllegalArgumentException.class,
        () -> new TtsChannels(addresses, TrustSettings.from(true, null)));

    assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive).map(Thread::getName)
        .filter(name -> name.startsWith("grpc-network")).toList());
  }
}
