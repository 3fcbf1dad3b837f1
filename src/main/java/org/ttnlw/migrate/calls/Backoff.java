package org.ttnlw.migrate.calls;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Pauses between attempts of a call: exponential with full jitter, so that calls refused together
 * do not all come back together.
 *
 * @param base the longest pause before the first retry; each further retry doubles it
 * @param cap the longest pause of any retry
 */
public record Backoff(Duration base, Duration cap) {
  public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
  private static final int MAX_DOUBLINGS = 30;

  public Backoff {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < base <= cap, got " + base + ", " + cap);
    }
  }

  /** The longest pause before retry number {@code retry} (1 for the first). */
  public Duration ceiling(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries count from 1, got " + retry);
    }
    Duration grown = base.multipliedBy(1L << Math.min(retry - 1, MAX_DOUBLINGS));
    return grown.compareTo(cap) > 0 ? cap : grown;
  }

  /**
   * The pause before retry number {@code retry}: drawn uniformly between zero and its ceiling,
   * but never shorter than {@code atLeast} (the pause the server asked for).
   */
  public Duration pause(int retry, Duration atLeast, RandomGenerator random) {
    long drawn = random.nextLong(ceiling(retry).toMillis() + 1);
    return Duration.ofMillis(Math.max(drawn, atLeast.toMillis()));
  }
}
