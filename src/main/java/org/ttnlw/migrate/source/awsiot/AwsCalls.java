package org.ttnlw.migrate.source.awsiot;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.Backoff;
import org.ttnlw.migrate.calls.CallLimiter;
import org.ttnlw.migrate.core.CallSettings;
import software.amazon.awssdk.services.iotwireless.IotWirelessClient;

/**
 * Calls to IoT Wireless: at most --concurrency at once (fewer while AWS throttles, through the
 * shared {@link CallLimiter}), each on a worker thread since the SDK client blocks, and tried
 * again after the shared {@link Backoff} when the failure may pass (throttling, 5xx, network).
 * The SDK's own retries are off, so --retries is the whole story.
 */
final class AwsCalls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AwsCalls.class);

  private final IotWirelessClient client;
  private final int retries;
  private final CallLimiter limiter;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final AtomicBoolean throttlingReported = new AtomicBoolean();
  private volatile boolean closed;

  AwsCalls(IotWirelessClient client, CallSettings context) {
    this.client = client;
    this.retries = context.retries();
    this.limiter = new CallLimiter(context.concurrency());
    this.workers = Executors.newFixedThreadPool(context.concurrency(),
        daemon("ttn-lw-migrate-aws"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("ttn-lw-migrate-aws-retry"));
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Runs {@code operation} on the client. A final failure completes the future with an
   * {@link AwsCallException} whose message starts with {@code what}.
   */
  <T> CompletableFuture<T> call(String what, String operationName,
      Function<IotWirelessClient, T> operation) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(what, operationName, operation, 1, retries, result);
    return result;
  }

  /**
   * Runs {@code operation} once, never again: a pre-flight, whose failure (refused credentials,
   * an endpoint nobody answers) would fail every later call too.
   */
  <T> CompletableFuture<T> callOnce(String what, String operationName,
      Function<IotWirelessClient, T> operation) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(what, operationName, operation, 1, 0, result);
    return result;
  }

  private <T> void attempt(String what, String operationName,
      Function<IotWirelessClient, T> operation, int attempt, int retries,
      CompletableFuture<T> result) {
    limiter.acquire().thenAccept(permit -> workers.execute(() -> {
      long start = System.nanoTime();
      T answer;
      try {
        answer = operation.apply(client);
      } catch (RuntimeException e) {
        AwsFailure failure = AwsFailure.of(e);
        permit.release(failure.rateLimited()
            ? CallLimiter.Outcome.RATE_LIMITED : CallLimiter.Outcome.FAILED);
        failed(what, operationName, operation, attempt, retries, result, failure, e);
        return;
      }
      permit.release(CallLimiter.Outcome.SUCCEEDED);
      log.debug("{}: {} ok in {} ms", what, operationName, (System.nanoTime() - start) / 1_000_000);
      result.complete(answer);
    }));
  }

  private <T> void failed(String what, String operationName,
      Function<IotWirelessClient, T> operation, int attempt, int retries,
      CompletableFuture<T> result, AwsFailure failure, RuntimeException cause) {
    if (failure.rateLimited() && throttlingReported.compareAndSet(false, true)) {
      log.warn("throttled by AWS IoT Wireless; slowing down");
    }
    if (closed || attempt > retries || !failure.passing()) {
      result.completeExceptionally(new AwsCallException(what, operationName, failure, attempt,
          cause));
      return;
    }
    Duration pause = Backoff.DEFAULT.pause(attempt, Duration.ZERO, ThreadLocalRandom.current());
    log.debug("{}: {} failed ({}); attempt {} of {} in {} ms", what, operationName,
        failure.describe(), attempt + 1, retries + 1, pause.toMillis());
    timer.schedule(() -> attempt(what, operationName, operation, attempt + 1, retries, result),
        pause.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops the workers and the client; calls waiting for a retry fail with their last error. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
    workers.shutdownNow();
    client.close();
  }
}
