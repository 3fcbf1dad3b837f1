package org.ttnlw.migrate.source.firefly;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Keeps requests under Firefly's rate limit (by default 50 per 10 s per key): tells each request
 * how long to wait so that no window of that length holds more starts than allowed. Thread-safe.
 */
final class RequestPacer {
  private final int limit;
  private final long windowMillis;
  private final ArrayDeque<Long> starts = new ArrayDeque<>();

  RequestPacer(int limit, Duration window) {
    this.limit = limit;
    this.windowMillis = window.toMillis();
  }

  /** Firefly's default limit per API key. */
  static RequestPacer firefly() {
    return new RequestPacer(50, Duration.ofSeconds(10));
  }

  /** Reserves a start for a request wanting to go at {@code nowMillis}; returns the wait in ms. */
  synchronized long reserve(long nowMillis) {
    long start = nowMillis;
    if (starts.size() == limit) {
      start = Math.max(start, starts.poll() + windowMillis);
    }
    if (!starts.isEmpty()) {
      start = Math.max(start, starts.peekLast());
    }
    starts.add(start);
    return start - nowMillis;
  }
}
