package org.ttnlw.migrate.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.calls.CallLimiter.Outcome;
import org.ttnlw.migrate.calls.CallLimiter.Permit;

class CallLimiterTest {
  private static List<CompletableFuture<Permit>> acquire(CallLimiter limiter, int count) {
    return IntStream.range(0, count).mapToObj(i -> limiter.acquire()).toList();
  }

  @Test
  void startsUpToTheLimitAtOnceAndTheRestInOrderAsCallsEnd() {
    CallLimiter limiter = new CallLimiter(2);
    List<CompletableFuture<Permit>> permits = acquire(limiter, 4);

    assertEquals(List.of(true, true, false, false),
        permits.stream().map(CompletableFuture::isDone).toList());
    permits.get(1).join().release(Outcome.FAILED);
    assertEquals(List.of(true, true, true, false),
        permits.stream().map(CompletableFuture::isDone).toList());
    assertEquals(2, limiter.inFlight());
  }

  @Test
  void rateLimitingHalvesTheLimitDownToOne() {
    CallLimiter limiter = new CallLimiter(8);
    List<Integer> limits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      limiter.acquire().join().release(Outcome.RATE_LIMITED);
      limits.add(limiter.limit());
    }
    assertEquals(List.of(4, 2, 1, 1, 1), limits);
  }

  @Test
  void callsStartedBeforeADecreaseDoNotDecreaseAgain() {
    CallLimiter limiter = new CallLimiter(8);
    List<Permit> burst = acquire(limiter, 8).stream().map(CompletableFuture::join).toList();

    burst.forEach(permit -> permit.release(Outcome.RATE_LIMITED));

    assertEquals(4, limiter.limit(), "one burst of refusals is one signal");
    limiter.acquire().join().release(Outcome.RATE_LIMITED);
    assertEquals(2, limiter.limit());
  }

  @Test
  void aRunOfSuccessesAsLongAsTheLimitRaisesItByOneUpToTheStart() {
    CallLimiter limiter = new CallLimiter(4);
    limiter.acquire().join().release(Outcome.RATE_LIMITED);
    List<Integer> limits = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      limiter.acquire().join().release(Outcome.SUCCEEDED);
      limits.add(limiter.limit());
    }
    assertEquals(List.of(2, 3, 3, 3, 4, 4, 4, 4), limits);
  }

  @Test
  void failuresOtherThanRateLimitingLeaveTheLimitAlone() {
    CallLimiter limiter = new CallLimiter(3);
    limiter.acquire().join().release(Outcome.FAILED);
    assertEquals(3, limiter.limit());
  }

  @Test
  void aSmallerLimitHoldsBackQueuedCallsUntilEnoughHaveEnded() {
    CallLimiter limiter = new CallLimiter(4);
    List<Permit> running = acquire(limiter, 4).stream().map(CompletableFuture::join).toList();
    CompletableFuture<Permit> queued = limiter.acquire();

    running.get(0).release(Outcome.RATE_LIMITED);
    running.get(1).release(Outcome.SUCCEEDED);
    assertFalse(queued.isDone(), "limit 2, still 2 in flight");
    running.get(2).release(Outcome.SUCCEEDED);
    assertTrue(queued.isDone());
  }

  @Test
  void aPermitIsReleasedOnce() {
    Permit permit = new CallLimiter(1).acquire().join();
    permit.release(Outcome.SUCCEEDED);
    assertThrows(IllegalStateException.class, () -> permit.release(Outcome.SUCCEEDED));
  }

  @Test
  void neverMoreInFlightThanTheLimitUnderConcurrentUse() throws Exception {
    CallLimiter limiter = new CallLimiter(3);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostRunning = new AtomicInteger();
    AtomicInteger ended = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Void>> calls = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      Outcome outcome = i % 10 == 0 ? Outcome.RATE_LIMITED : Outcome.SUCCEEDED;
      calls.add(CompletableFuture.supplyAsync(limiter::acquire, threads)
          .thenCompose(permit -> permit)
          .thenAcceptAsync(permit -> {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            running.decrementAndGet();
            ended.incrementAndGet();
            permit.release(outcome);
          }, threads));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    threads.shutdown();

    assertEquals(2000, ended.get());
    assertTrue(mostRunning.get() <= 3, "at most 3 at once, saw " + mostRunning.get());
    assertEquals(0, limiter.inFlight());
  }
}
