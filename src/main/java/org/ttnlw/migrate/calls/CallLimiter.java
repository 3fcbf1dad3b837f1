package org.ttnlw.migrate.calls;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Bounds the calls in flight and adapts the bound to rate limiting (additive increase,
 * multiplicative decrease): a call refused for the rate limit halves it, down to 1; a run of as
 * many successes as the bound raises it by one, back up to where it started. A call that cannot
 * start yet waits in a queue, in order; no thread waits. Thread-safe.
 */
public final class CallLimiter {
  /** How a call that held a permit ended. */
  public enum Outcome {
    SUCCEEDED,
    RATE_LIMITED,
    FAILED
  }

  private final int maxLimit;
  private final ArrayDeque<CompletableFuture<Permit>> waiting = new ArrayDeque<>();
  private int limit;
  private int inFlight;
  private int successes;
  /** Counts the decreases, so that calls started before one do not cause another. */
  private long generation;

  public CallLimiter(int maxLimit) {
    if (maxLimit < 1) {
      throw new IllegalArgumentException("the limit must be at least 1, got " + maxLimit);
    }
    this.maxLimit = maxLimit;
    this.limit = maxLimit;
  }

  /** A permit to start one call, completed at once when the bound allows it, or later. */
  public CompletableFuture<Permit> acquire() {
    CompletableFuture<Permit> permit = new CompletableFuture<>();
    Permit granted;
    synchronized (this) {
      if (inFlight >= limit) {
        waiting.add(permit);
        return permit;
      }
      granted = grant();
    }
    permit.complete(granted);
    return permit;
  }

  public synchronized int limit() {
    return limit;
  }

  public synchronized int inFlight() {
    return inFlight;
  }

  private Permit grant() {
    inFlight++;
    return new Permit(generation);
  }

  private void release(Permit permit, Outcome outcome) {
    List<Runnable> starts = new ArrayList<>();
    synchronized (this) {
      inFlight--;
      switch (outcome) {
        case RATE_LIMITED -> {
          if (permit.generation == generation) {
            limit = Math.max(1, limit / 2);
            generation++;
          }
          successes = 0;
        }
        case SUCCEEDED -> {
          if (limit < maxLimit && ++successes >= limit) {
            limit++;
            successes = 0;
          }
        }
        case FAILED -> {}
      }
      while (inFlight < limit && !waiting.isEmpty()) {
        CompletableFuture<Permit> next = waiting.poll();
        Permit granted = grant();
        starts.add(() -> next.complete(granted));
      }
    }
    // Outside the lock: completing a permit starts its call on this thread.
    starts.forEach(Runnable::run);
  }

  /** The right to have one call in flight; released exactly once, when the call has ended. */
  public final class Permit {
    private final long generation;
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit(long generation) {
      this.generation = generation;
    }

    public void release(Outcome outcome) {
      if (!released.compareAndSet(false, true)) {
        throw new IllegalStateException("permit released twice");
      }
      CallLimiter.this.release(this, outcome);
    }
  }
}
