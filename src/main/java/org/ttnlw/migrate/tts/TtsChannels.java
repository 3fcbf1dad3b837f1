package org.ttnlw.migrate.tts;

import io.grpc.ManagedChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ttnlw.migrate.calls.GrpcChannels;
import org.ttnlw.migrate.calls.TrustSettings;

/** One channel per distinct server address, opened on first use and closed together. */
final class TtsChannels implements AutoCloseable {
  private final Map<TtsServer, String> addresses;
  private final GrpcChannels channels;
  private final Map<String, ManagedChannel> byAddress = new ConcurrentHashMap<>();

  TtsChannels(Map<TtsServer, String> addresses, TrustSettings trust) {
    this.addresses = addresses;
    this.channels = new GrpcChannels(trust);
  }

  ManagedChannel channel(TtsServer server) {
    return byAddress.computeIfAbsent(addresses.get(server),
        channels::open);
  }

  String address(TtsServer server) {
    return addresses.get(server);
  }

  @Override
  public void close() {
    channels.close();
  }
}
