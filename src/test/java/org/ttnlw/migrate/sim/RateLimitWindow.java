package org.ttnlw.migrate.sim;

import java.time.Duration;
import java.util.Map;

/**
 * Counts calls in one-minute windows for the rate-limit headers TTS puts on every response: the
 * limit, the calls left in the window, the seconds until it resets and the seconds to wait before
 * retrying. It never refuses a call; inject refusals with {@link Fault#rateLimited}.
 */
final class RateLimitWindow {
  static final String LIMIT = "x-rate-limit-limit";
  static final String AVAILABLE = "x-rate-limit-available";
  static final String RESET = "x-rate-limit-reset";
  static final String RETRY = "x-rate-limit-retry";

  private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();
  private static final long NANOS_PER_SECOND = Duration.ofSeconds(1).toNanos();

  private final int limit;
  private long windowStart = System.nanoTime();
  private int used;

  RateLimitWindow(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("rate limit must be positive: " + limit);
    }
    this.limit = limit;
  }

  /** Counts one call and returns the headers for its response. */
  synchronized Map<String, String> take() {
    long now = System.nanoTime();
    if (now - windowStart >= WINDOW_NANOS) {
      windowStart = now;
      used = 0;
    }
    used++;
    long remainingNanos = windowStart + WINDOW_NANOS - now;
    long resetSeconds = (remainingNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND;
    return Map.of(
        LIMIT, Integer.toString(limit),
        AVAILABLE, Integer.toString(Math.max(0, limit - used)),
        RESET, Long.toString(resetSeconds),
        RETRY, "0");
  }
}
