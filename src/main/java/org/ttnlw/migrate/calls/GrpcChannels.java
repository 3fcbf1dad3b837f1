package org.ttnlw.migrate.calls;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.util.Collection;
import java.util.concurrent.TimeUnit;

/** Opens gRPC channels with the operator's trust settings, and closes them. */
public final class GrpcChannels {
  private static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;

  private GrpcChannels() {}

  /** A channel to {@code host:port}; it connects on its first call. */
  public static ManagedChannel open(String address, TrustSettings trust) {
    return Grpc.newChannelBuilder(address, credentials(trust))
        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
        .build();
  }

  private static ChannelCredentials credentials(TrustSettings trust) {
    if (trust.plaintext()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    trust.trustManager().ifPresent(tls::trustManager);
    return tls.build();
  }

  /** Shuts the channels down, giving calls in flight a few seconds to end. */
  public static void close(Collection<ManagedChannel> channels) {
    channels.forEach(ManagedChannel::shutdown);
    for (ManagedChannel channel : channels) {
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
