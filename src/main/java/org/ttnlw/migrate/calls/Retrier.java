package org.ttnlw.migrate.calls;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a call again while its transport says the failure may pass: at most {@code retries}
 * times (--retries), each after a pause from the {@link Backoff} that is at least as long as the
 * server asked. Each transport (gRPC, Firefly's HTTP, the AWS SDK) says what its failures mean
 * through {@link Attempts}; the counting, the pauses and the log line are the same for all.
 * Waiting for a retry holds no thread.
 */
public final class Retrier implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Retrier.class);
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "ttn-lw-migrate-retry");
        thread.setDaemon(true);
        return thread;
      });

  private final int retries;
  private final Backoff backoff;
  private volatile boolean closed;

  /** @param retries attempts after the first one, at most */
  public Retrier(int retries, Backoff backoff) {
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, got " + retries);
    }
    this.retries = retries;
    this.backoff = backoff;
  }

  /**
   * What a transport makes of a failed attempt.
   *
   * @param serverAsked the shortest pause the server asked for before the next attempt
   */
  public record Decision(boolean retry, Duration serverAsked) {
    public static final Decision GIVE_UP = new Decision(false, Duration.ZERO);
    public static final Decision RETRY = new Decision(true, Duration.ZERO);

    public static Decision retryAfter(Duration serverAsked) {
      return new Decision(true, serverAsked);
    }
  }

  /** One call as its transport makes it: the attempts, and what their failures mean. */
  public interface Attempts<T> {
    /** Starts attempt {@code number} (1 for the first); the future fails with the raw failure. */
    CompletableFuture<T> attempt(int number);

    /** Whether the call goes again after {@code failure}, and how long the server asked to wait. */
    Decision shouldRetry(Throwable failure);

    /** The failure in one line, for the log of a retry; the count and the pause follow it. */
    String describe(Throwable failure);

    /** What the call fails with in the end, after {@code attempts} attempts ended in failures. */
    Throwable giveUp(Throwable failure, int attempts);
  }

  /** Makes the call, trying again while {@code attempts} says the failure may pass. */
  public <T> CompletableFuture<T> call(Attempts<T> attempts) {
    return start(attempts, retries);
  }

  /**
   * Makes the call once, never again: a pre-flight, whose failure (an address nobody answers, a
   * TLS mismatch, a wrong key) would fail every later call too.
   */
  public <T> CompletableFuture<T> callOnce(Attempts<T> attempts) {
    return start(attempts, 0);
  }

  private <T> CompletableFuture<T> start(Attempts<T> attempts, int retries) {
    CompletableFuture<T> result = new CompletableFuture<>();
    attempt(attempts, 1, retries, result);
    return result;
  }

  private <T> void attempt(Attempts<T> attempts, int attempt, int retries,
      CompletableFuture<T> result) {
    if (result.isDone()) {
      return;
    }
    CompletableFuture<T> answer;
    try {
      answer = attempts.attempt(attempt);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    answer.whenComplete((value, failure) -> {
      if (failure == null) {
        result.complete(value);
      } else {
        failed(attempts, attempt, retries, result, unwrap(failure));
      }
    });
  }

  private <T> void failed(Attempts<T> attempts, int attempt, int retries,
      CompletableFuture<T> result, Throwable failure) {
    Decision decision = closed || attempt > retries
        ? Decision.GIVE_UP : attempts.shouldRetry(failure);
    if (!decision.retry()) {
      result.completeExceptionally(attempts.giveUp(failure, attempt));
      return;
    }
    Duration pause = backoff.pause(attempt, decision.serverAsked(), ThreadLocalRandom.current());
    if (log.isDebugEnabled()) {
      log.debug("{}; attempt {} of {} in {} ms", attempts.describe(failure), attempt + 1,
          retries + 1, pause.toMillis());
    }
    TIMER.schedule(() -> {
      if (closed) {
        result.completeExceptionally(attempts.giveUp(failure, attempt));
      } else {
        attempt(attempts, attempt + 1, retries, result);
      }
    }, pause.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
  }

  /** From now on, failed calls are not retried but fail with their last error. */
  @Override
  public void close() {
    closed = true;
  }
}
