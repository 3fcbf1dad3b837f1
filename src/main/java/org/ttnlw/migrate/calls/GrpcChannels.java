package org.ttnlw.migrate.calls;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.okhttp.OkHttpChannelBuilder;
import io.grpc.okhttp.SslSocketFactoryChannelCredentials;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * gRPC channels with the operator's trust settings, on network threads of their own, all ended
 * by {@link #close}.
 *
 * <p>Not gRPC's shared threads: those outlive the channels by a second, waiting in the kernel,
 * and the JVM's exit waits up to 0.3 s for threads in native code. A one-device export spent a
 * fifth of its time there.
 *
 * <p>The OkHttp transport, not Netty's: it reads each connection on one blocking thread with the
 * JDK's TLS, and a one-device export starts 0.1 s sooner without Netty's set-up (its native TLS
 * library is unpacked to a temporary file on every run; docs/performance.md).
 */
public final class GrpcChannels implements AutoCloseable {
  private static final int MAX_INBOUND_MESSAGE_BYTES = 64 * 1024 * 1024;
  /** How much a stream may have in flight before its reader waits, as Netty's transport had. */
  private static final int FLOW_CONTROL_WINDOW_BYTES = 1024 * 1024;
  private static final long CLOSE_SECONDS = 5;

  private final ChannelCredentials credentials;
  private final ExecutorService network = Executors.newCachedThreadPool(daemons("grpc-network-"));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemons("grpc-network-timer-"));
  private final List<ManagedChannel> opened = new CopyOnWriteArrayList<>();

  public GrpcChannels(TrustSettings trust) {
    this.credentials = credentials(trust);
  }

  /**
   * A channel to {@code host:port}, already connecting: the TLS handshake runs on the network
   * threads while the caller goes on, not in its first call.
   */
  public ManagedChannel open(String address) {
    ManagedChannel channel = OkHttpChannelBuilder.forTarget(address, credentials)
        .transportExecutor(network)
        .scheduledExecutorService(timers)
        .flowControlWindow(FLOW_CONTROL_WINDOW_BYTES)
        .maxInboundMessageSize(MAX_INBOUND_MESSAGE_BYTES)
        .build();
    opened.add(channel);
    channel.getState(true);
    return channel;
  }

  /**
   * One TLS context for all the channels, handed to OkHttp ready-made. Given TLS credentials
   * instead, OkHttp builds a context per channel on the caller's thread, and sets up its TLS
   * platform there first: 50 ms of the main thread in a one-device export, which a ready socket
   * factory leaves to the network thread's first handshake. Channels to one server can then
   * also resume the context's TLS sessions.
   */
  private static ChannelCredentials credentials(TrustSettings trust) {
    return trust.plaintext() ? InsecureChannelCredentials.create()
        : SslSocketFactoryChannelCredentials.create(tlsContext(trust).getSocketFactory());
  }

  private static SSLContext tlsContext(TrustSettings trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust.x509TrustManager()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS: " + e.getMessage(), e);
    }
  }

  /** Shuts the channels down, giving calls in flight a few seconds to end, then the threads. */
  @Override
  public void close() {
    opened.forEach(ManagedChannel::shutdown);
    boolean interrupted = false;
    for (ManagedChannel channel : opened) {
      interrupted |= !ended(channel::awaitTermination, channel::shutdownNow);
    }
    network.shutdown();
    timers.shutdown();
    interrupted |= !ended(network::awaitTermination, network::shutdownNow);
    interrupted |= !ended(timers::awaitTermination, timers::shutdownNow);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A channel's or a thread pool's awaitTermination. */
  private interface Termination {
    boolean await(long time, TimeUnit unit) throws InterruptedException;
  }

  /**
   * Waits a few seconds for a shutdown to end, then ends it at once.
   *
   * @return false if interrupted while waiting
   */
  private static boolean ended(Termination termination, Runnable now) {
    try {
      if (!termination.await(CLOSE_SECONDS, TimeUnit.SECONDS)) {
        now.run();
      }
      return true;
    } catch (InterruptedException e) {
      now.run();
      return false;
    }
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
