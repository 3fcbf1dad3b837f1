package org.ttnlw.migrate.tts;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One channel per distinct server address, opened on first use and closed together. */
final class TtsChannels implements AutoCloseable {
  private final Map<TtsServer, String> addresses;
  private final ChannelCredentials credentials;
  private final Map<String, ManagedChannel> byAddress = new ConcurrentHashMap<>();

  TtsChannels(Map<TtsServer, String> addresses, TrustSettings trust) {
    this.addresses = addresses;
    this.credentials = credentials(trust);
  }

  private static ChannelCredentials credentials(TrustSettings trust) {
    if (trust.plaintext()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    trust.trustManager().ifPresent(tls::trustManager);
    return tls.build();
  }

  ManagedChannel channel(TtsServer server) {
    return byAddress.computeIfAbsent(addresses.get(server),
        address -> Grpc.newChannelBuilder(address, credentials)
            .maxInboundMessageSize(64 * 1024 * 1024)
            .build());
  }

  String address(TtsServer server) {
    return addresses.get(server);
  }

  @Override
  public void close() {
    byAddress.values().forEach(ManagedChannel::shutdown);
    for (ManagedChannel channel : byAddress.values()) {
      try {
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
