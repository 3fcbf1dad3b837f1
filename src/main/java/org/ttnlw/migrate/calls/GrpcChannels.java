package org.ttnlw.migrate.calls;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * gRPC channels with the operator's trust settings, on network threads of their own, all ended
 * by {@link #close}.
 *
 * <p>Not gRPC's shared threads: those outlive the channels by a second, waiting in the kernel,
 * and the JVM's exit waits up to 0.3 s for threads in native code. A one-device export spent a
 * fifth of its time there.
 */
public final class GrpcChannels implements AutoCloseable {
  private static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;
  private static final int NETWORK_THREADS = 2;
  private static final long CLOSE_SECONDS = 5;

  private final TrustSettings trust;
  private final EventLoopGroup network =
      new NioEventLoopGroup(NETWORK_THREADS, new DefaultThreadFactory("grpc-network", true));
  private final List<ManagedChannel> opened = new CopyOnWriteArrayList<>();

  public GrpcChannels(TrustSettings trust) {
    this.trust = trust;
  }

  /**
   * A channel to {@code host:port}, already connecting: the TLS handshake runs on the network
   * threads while the caller goes on, not in its first call.
   */
  public ManagedChannel open(String address) {
    ManagedChannel channel = NettyChannelBuilder.forTarget(address, credentials(trust))
        .eventLoopGroup(network)
        .channelType(NioSocketChannel.class)
        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
        .build();
    opened.add(channel);
    channel.getState(true);
    return channel;
  }

  private static ChannelCredentials credentials(TrustSettings trust) {
    if (trust.plaintext()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    trust.trustManager().ifPresent(tls::trustManager);
    return tls.build();
  }

  /** Shuts the channels down, giving calls in flight a few seconds to end, then the threads. */
  @Override
  public void close() {
    opened.forEach(ManagedChannel::shutdown);
    boolean interrupted = false;
    for (ManagedChannel channel : opened) {
      try {
        if (!channel.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS)) {
          channel.shutdownNow();
        }
      } catch (InterruptedException e) {
        channel.shutdownNow();
        interrupted = true;
      }
    }
    network.shutdownGracefully(0, CLOSE_SECONDS, TimeUnit.SECONDS)
        .awaitUninterruptibly(CLOSE_SECONDS, TimeUnit.SECONDS);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
