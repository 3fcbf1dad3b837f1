package org.ttnlw.migrate.sim;

import io.grpc.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Stops a simulator: its gRPC server at once, its latency scheduler, and its CA file. */
public final class SimulatorShutdown {
  private SimulatorShutdown() {}

  /** @param caFile the CA file written for clients, or null without TLS */
  public static void stop(Server server, ScheduledExecutorService scheduler, Path caFile) {
    server.shutdownNow();
    scheduler.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
      if (caFile != null) {
        Files.deleteIfExists(caFile);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
