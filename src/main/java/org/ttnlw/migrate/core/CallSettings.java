package org.ttnlw.migrate.core;

import java.time.Duration;

/**
 * What every source is told about the run, whatever its own flags.
 *
 * @param concurrency devices in flight at once; 1 means every call strictly one after another
 * @param callTimeout deadline of one call to the source
 * @param retries how often a call that failed for a passing reason is tried again
 */
public record CallSettings(int concurrency, Duration callTimeout, int retries) {
  public CallSettings {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, got " + retries);
    }
  }
}
