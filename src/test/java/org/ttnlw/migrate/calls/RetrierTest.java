package org.ttnlw.migrate.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetrierTest {
  private static final Backoff QUICK = new Backoff(Duration.ofMillis(1), Duration.ofMillis(1));
  private static final Duration SERVER_ASKED = Duration.ofMillis(300);

  /** A failure the scripted transport says may pass, after the pause it carries. */
  private static final class Passing extends RuntimeException {
    private final Duration serverAsked;

    Passing(Duration serverAsked) {
      this.serverAsked = serverAsked;
    }
  }

  /** What {@link Scripted#giveUp} fails the call with, so the test sees the count. */
  private static final class GaveUp extends RuntimeException {
    private final int attempts;

    GaveUp(Throwable failure, int attempts) {
      super(failure);
      this.attempts = attempts;
    }
  }

  /** A transport whose attempts end as scripted; the last outcome repeats. */
  private static final class Scripted implements Retrier.Attempts<String> {
    private final Deque<Object> outcomes;
    private final AtomicInteger attempts = new AtomicInteger();

    Scripted(Object... outcomes) {
      this.outcomes = new ArrayDeque<>(List.of(outcomes));
    }

    @Override
    public CompletableFuture<String> attempt(int number) {
      assertEquals(attempts.incrementAndGet(), number);
      Object outcome = outcomes.size() > 1 ? outcomes.poll() : outcomes.peek();
      return outcome instanceof Throwable failure
          ? CompletableFuture.failedFuture(failure)
          : CompletableFuture.completedFuture((String) outcome);
    }

    @Override
    public Retrier.Decision shouldRetry(Throwable failure) {
      return failure instanceof Passing passing
          ? Retrier.Decision.retryAfter(passing.serverAsked) : Retrier.Decision.GIVE_UP;
    }

    @Override
    public String describe(Throwable failure) {
      return "scripted call failed";
    }

    @Override
    public Throwable giveUp(Throwable failure, int attempts) {
      return new GaveUp(failure, attempts);
    }
  }

  private static GaveUp failure(CompletableFuture<String> result) throws InterruptedException {
    try {
      result.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return (GaveUp) e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the call never ended", e);
    }
    throw new AssertionError("the call succeeded");
  }

  @Test
  void givesUpAfterTheConfiguredRetries() throws Exception {
    Passing passing = new Passing(Duration.ZERO);
    Scripted call = new Scripted(passing);
    GaveUp gaveUp = failure(new Retrier(2, QUICK).call(call));
    assertEquals(3, call.attempts.get(), "the first attempt and two retries");
    assertEquals(3, gaveUp.attempts);
    assertSame(passing, gaveUp.getCause());
  }

  @Test
  void noRetriesMeansOneAttempt() throws Exception {
    Scripted call = new Scripted(new Passing(Duration.ZERO));
    assertEquals(1, failure(new Retrier(0, QUICK).call(call)).attempts);
    assertEquals(1, call.attempts.get());
  }

  @Test
  void waitsAtLeastAsLongAsTheServerAsked() throws Exception {
    Scripted call = new Scripted(new Passing(SERVER_ASKED), "answer");
    long start = System.nanoTime();
    assertEquals("answer", new Retrier(3, QUICK).call(call).get(5, TimeUnit.SECONDS));
    long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(waited >= SERVER_ASKED.toMillis(), "waited " + waited + " ms");
    assertEquals(2, call.attempts.get());
  }

  @Test
  void stopsAtAFailureThatWillNotPass() throws Exception {
    IllegalStateException refused = new IllegalStateException("refused");
    Scripted call = new Scripted(new Passing(Duration.ZERO), refused, "never asked for");
    GaveUp gaveUp = failure(new Retrier(5, QUICK).call(call));
    assertEquals(2, call.attempts.get());
    assertEquals(2, gaveUp.attempts);
    assertSame(refused, gaveUp.getCause());
  }

  @Test
  void doesNotCallAgainAfterASuccess() throws Exception {
    Scripted call = new Scripted("answer", new Passing(Duration.ZERO));
    assertEquals("answer", new Retrier(5, QUICK).call(call).get(5, TimeUnit.SECONDS));
    Thread.sleep(50);
    assertEquals(1, call.attempts.get());
  }

  @Test
  void aCallMadeOnceIsNeverRetried() throws Exception {
    Scripted call = new Scripted(new Passing(Duration.ZERO), "never asked for");
    assertEquals(1, failure(new Retrier(5, QUICK).callOnce(call)).attempts);
    assertEquals(1, call.attempts.get());
  }

  @Test
  void aClosedRetrierFailsACallWaitingForItsRetryWithItsLastError() throws Exception {
    Passing passing = new Passing(SERVER_ASKED);
    Scripted call = new Scripted(passing, "never asked for");
    Retrier retrier = new Retrier(5, QUICK);
    CompletableFuture<String> result = retrier.call(call);
    retrier.close();
    GaveUp gaveUp = failure(result);
    assertSame(passing, gaveUp.getCause());
    assertEquals(1, call.attempts.get());
  }
}
