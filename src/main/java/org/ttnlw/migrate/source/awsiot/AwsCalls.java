package org.ttnlw.migrate.source.awsiot;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.Backoff;
import org.ttnlw.migrate.calls.CallLimiter;
import org.ttnlw.migrate.calls.Retrier;
import org.ttnlw.migrate.core.CallSettings;
import software.amazon.awssdk.services.iotwireless.IotWirelessClient;

/**
 * Calls to IoT Wireless: at most --concurrency at once (fewer while AWS throttles, through the
 * shared {@link CallLimiter}), each on a worker thread since the SDK client blocks, and tried
 * again by the {@link Retrier} when {@link AwsFailure} says the failure may pass (throttling, 5xx,
 * network). The SDK's own retries are off, so --retries is the whole story.
 */
final class AwsCalls implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AwsCalls.class);

  private final IotWirelessClient client;
  private final Retrier retrier;
  private final CallLimiter limiter;
  private final ExecutorService workers;
  private final AtomicBoolean throttlingReported = new AtomicBoolean();

  AwsCalls(IotWirelessClient client, CallSettings context) {
    this.client = client;
    this.retrier = new Retrier(context.retries(), Backoff.DEFAULT);
    this.limiter = new CallLimiter(context.concurrency());
    this.workers = Executors.newFixedThreadPool(context.concurrency(), task -> {
      Thread thread = new Thread(task, "ttn-lw-migrate-aws");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Runs {@code operation} on the client. A final failure completes the future with an
   * {@link AwsCallException} whose message starts with {@code what}.
   */
  <T> CompletableFuture<T> call(String what, String operationName,
      Function<IotWirelessClient, T> operation) {
    return retrier.call(new Operation<>(what, operationName, operation));
  }

  /**
   * Runs {@code operation} once, never again: a pre-flight, whose failure (refused credentials,
   * an endpoint nobody answers) would fail every later call too.
   */
  <T> CompletableFuture<T> callOnce(String what, String operationName,
      Function<IotWirelessClient, T> operation) {
    return retrier.callOnce(new Operation<>(what, operationName, operation));
  }

  /** One operation as the caller asked for it, whatever the number of attempts. */
  private final class Operation<T> implements Retrier.Attempts<T> {
    private final String what;
    private final String name;
    private final Function<IotWirelessClient, T> operation;

    Operation(String what, String name, Function<IotWirelessClient, T> operation) {
      this.what = what;
      this.name = name;
      this.operation = operation;
    }

    @Override
    public CompletableFuture<T> attempt(int number) {
      CompletableFuture<T> answer = new CompletableFuture<>();
      limiter.acquire().thenAccept(permit -> workers.execute(() -> {
        long start = System.nanoTime();
        T value;
        try {
          value = operation.apply(client);
        } catch (RuntimeException e) {
          boolean rateLimited = AwsFailure.of(e).rateLimited();
          permit.release(rateLimited
              ? CallLimiter.Outcome.RATE_LIMITED : CallLimiter.Outcome.FAILED);
          if (rateLimited && throttlingReported.compareAndSet(false, true)) {
            log.warn("throttled by AWS IoT Wireless; slowing down");
          }
          answer.completeExceptionally(e);
          return;
        }
        permit.release(CallLimiter.Outcome.SUCCEEDED);
        log.debug("{}: {} ok in {} ms", what, name, (System.nanoTime() - start) / 1_000_000);
        answer.complete(value);
      }));
      return answer;
    }

    @Override
    public Retrier.Decision shouldRetry(Throwable failure) {
      return AwsFailure.of(failure).shouldRetry();
    }

    @Override
    public String describe(Throwable failure) {
      return what + ": " + name + " failed (" + AwsFailure.of(failure).describe() + ")";
    }

    @Override
    public Throwable giveUp(Throwable failure, int attempts) {
      return new AwsCallException(what, name, AwsFailure.of(failure), attempts, failure);
    }
  }

  /** Stops the workers and the client; calls waiting for a retry fail with their last error. */
  @Override
  public void close() {
    retrier.close();
    workers.shutdownNow();
    client.close();
  }
}
