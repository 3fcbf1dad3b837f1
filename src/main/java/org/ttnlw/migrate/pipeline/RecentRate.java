package org.ttnlw.migrate.pipeline;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.OptionalDouble;

/**
 * Items per second over the last few seconds, not since the start: a run that spent its first
 * minute listing, or that slows down when the server starts rate limiting, shows how fast it
 * goes now, so the time left follows too.
 */
final class RecentRate {
  private record Sample(long nanos, long count) {}

  private final long windowNanos;
  private final ArrayDeque<Sample> samples = new ArrayDeque<>();

  RecentRate(Duration window) {
    this.windowNanos = window.toNanos();
  }

  /** Adds what is counted at {@code nanos}; returns the rate over the window, once it spans 1 s. */
  OptionalDouble add(long nanos, long count) {
    samples.addLast(new Sample(nanos, count));
    // The oldest sample kept is the last one at or before the window's start.
    while (samples.size() > 2) {
      Sample second = samples.stream().skip(1).findFirst().orElseThrow();
      if (nanos - second.nanos() < windowNanos) {
        break;
      }
      samples.removeFirst();
    }
    Sample oldest = samples.peekFirst();
    long span = nanos - oldest.nanos();
    if (span < Duration.ofSeconds(1).toNanos()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((count - oldest.count()) * 1e9 / span);
  }
}
