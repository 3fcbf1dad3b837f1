package org.ttnlw.migrate.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Backoff BACKOFF = Backoff.DEFAULT;

  @Test
  void ceilingDoublesFromTheBaseUpToTheCap() {
    List<Long> ceilings = IntStream.rangeClosed(1, 8)
        .mapToObj(retry -> BACKOFF.ceiling(retry).toMillis()).toList();
    assertEquals(List.of(200L, 400L, 800L, 1600L, 3200L, 6400L, 10_000L, 10_000L), ceilings);
    assertEquals(Duration.ofSeconds(10), BACKOFF.ceiling(Integer.MAX_VALUE), "no overflow");
  }

  @Test
  void pausesSpreadOverTheWholeRangeUpToTheCeiling() {
    SplittableRandom random = new SplittableRandom(42);
    for (int retry = 1; retry <= 8; retry++) {
      long ceiling = BACKOFF.ceiling(retry).toMillis();
      int finalRetry = retry;
      List<Long> pauses = IntStream.range(0, 2000)
          .mapToObj(i -> BACKOFF.pause(finalRetry, Duration.ZERO, random).toMillis()).toList();
      assertTrue(pauses.stream().allMatch(p -> p >= 0 && p <= ceiling), "retry " + retry);
      assertTrue(pauses.stream().anyMatch(p -> p < ceiling / 10), "full jitter reaches zero");
      assertTrue(pauses.stream().anyMatch(p -> p > ceiling * 9 / 10), "and the ceiling");
    }
  }

  @Test
  void pauseIsAtLeastWhatTheServerAskedForEvenAboveTheCap() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      assertTrue(BACKOFF.pause(1, Duration.ofSeconds(1), random).toMillis() >= 1000);
    }
    assertEquals(Duration.ofMinutes(1), BACKOFF.pause(3, Duration.ofMinutes(1), random));
  }

  @Test
  void rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> BACKOFF.ceiling(0));
    assertThrows(IllegalArgumentException.class,
        () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class,
        () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
  }
}
