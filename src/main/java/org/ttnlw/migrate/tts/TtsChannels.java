package org.ttnlw.migrate.tts;

import io.grpc.ManagedChannel;
import java.util.Map;
import java.util.HashMap;
import org.ttnlw.migrate.calls.GrpcChannels;
import org.ttnlw.migrate.calls.TrustSettings;

/**
 * One channel per distinct server address, all opened at once, so that they connect while the
 * run sets itself up, and closed together.
 */
final class TtsChannels implements AutoCloseable {
  private final Map<TtsServer, String> addresses;
  private final GrpcChannels channels;
  private final Map<String, ManagedChannel> byAddress = new HashMap<>();

  TtsChannels(Map<TtsServer, String> addresses, TrustSettings trust) {
    this.addresses = addresses;
    this.channels = new GrpcChannels(trust);
    try {
      addresses.values().forEach(address -> byAddress.computeIfAbsent(address, channels::open));
    } catch (RuntimeException e) {
      channels.close();
      throw e;
    }
  }

  ManagedChannel channel(TtsServer server) {
    return byAddress.get(addresses.get(server));
  }

  String address(TtsServer server) {
    return addresses.get(server);
  }

  @Override
  public void close() {
    channels.close();
  }
}
