package org.ttnlw.migrate.target;

import com.google.protobuf.util.Timestamps;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.proto.GatewayConnectionStats;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GsGrpc;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsCallException;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Waits for gateways to show up connected on the target's Gateway Server: each gateway's
 * connection stats are asked every {@code interval} until they show a connection, or the
 * timeout passes. Many gateways wait at once; one scheduler thread drives all the polls.
 * The Gateway Server is reached at the Identity Server's address (one cluster address).
 */
public final class ConnectionWatch implements AutoCloseable {
  private final RegistryCalls calls;
  private final Duration interval;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
      runnable -> {
        Thread thread = new Thread(runnable, "gateway-connection-watch");
        thread.setDaemon(true);
        return thread;
      });

  public ConnectionWatch(GatewayTargetConfig config, CallSettings context, Duration interval) {
    this.calls = new RegistryCalls(config.connection(), context);
    this.interval = interval;
  }

  /** Completes with true once the gateway is connected, with false after {@code timeout}. */
  public CompletableFuture<Boolean> connected(String gatewayId, Duration timeout) {
    CompletableFuture<Boolean> result = new CompletableFuture<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    poll(gatewayId, deadline, result);
    return result;
  }

  private void poll(String gatewayId, long deadline, CompletableFuture<Boolean> result) {
    calls.call(TtsServer.IDENTITY_SERVER, GsGrpc.getGetGatewayConnectionStatsMethod(),
            GatewayIdentifiers.newBuilder().setGatewayId(gatewayId).build(),
            "reading the connection of gateway " + gatewayId + " in the target")
        .whenComplete((answer, failure) -> {
          if (failure == null && isConnected(answer.message())) {
            result.complete(true);
            return;
          }
          if (failure != null && !(Futures.unwrap(failure) instanceof TtsCallException call
              && call.isNotFound())) {
            result.completeExceptionally(Futures.unwrap(failure));
            return;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            result.complete(false);
            return;
          }
          scheduler.schedule(() -> poll(gatewayId, deadline, result),
              Math.min(left, interval.toNanos()), TimeUnit.NANOSECONDS);
        });
  }

  /** Connected now: a connection time, and no disconnection after it. */
  private static boolean isConnected(GatewayConnectionStats stats) {
    return stats.hasConnectedAt() && (!stats.hasDisconnectedAt()
        || Timestamps.compare(stats.getDisconnectedAt(), stats.getConnectedAt()) < 0);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    calls.close();
  }
}
