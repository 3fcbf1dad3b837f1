package org.ttnlw.migrate.export;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A progress line on stderr every few seconds, for long runs. */
final class ProgressLog {
  private static final Logger log = LoggerFactory.getLogger("progress");
  private static final long INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

  private final long start = System.nanoTime();
  private long lastReport = start;

  void exported(long count) {
    long now = System.nanoTime();
    if (now - lastReport >= INTERVAL_NANOS) {
      lastReport = now;
      double seconds = (now - start) / 1e9;
      log.info("exported {} devices ({} per second)", count, Math.round(count / seconds));
    }
  }
}
