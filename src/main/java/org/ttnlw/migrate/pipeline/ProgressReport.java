package org.ttnlw.migrate.pipeline;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The progress of a run on stderr: devices done of the total when the source knows it, the
 * changes at the source, failures, rate and time left. On a terminal one live line is redrawn a
 * few times a second and cleared at the end; otherwise a plain log line every few seconds.
 */
public final class ProgressReport implements RunProgress {
  private static final String CLEAR_LINE = "\r\u001b[K";

  private final Supplier<OptionalLong> total;
  private final String items;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private final Consumer<String> show;
  private final Runnable clear;
  private final long start;
  private long lastShown;

  /** @param items what is counted, e.g. "devices" */
  ProgressReport(Supplier<OptionalLong> total, String items, LongSupplier nanoTime,
      Duration interval, Consumer<String> show, Runnable clear) {
    this.total = total;
    this.items = items;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
    this.show = show;
    this.clear = clear;
    this.start = nanoTime.getAsLong();
    this.lastShown = start;
  }

  /** A live line on {@code terminal}, redrawn at most every 200 ms. */
  public static ProgressReport live(Supplier<OptionalLong> total, PrintStream terminal,
      String items) {
    return new ProgressReport(total, items, System::nanoTime, Duration.ofMillis(200),
        line -> draw(terminal, CLEAR_LINE + line), () -> draw(terminal, CLEAR_LINE));
  }

  /** As bytes: printed text goes to stderr with its control characters escaped. */
  private static void draw(PrintStream terminal, String text) {
    terminal.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    terminal.flush();
  }

  /** A log line every 5 s, for stderr that is a file or a pipe. */
  public static ProgressReport plain(Supplier<OptionalLong> total, String items) {
    return new ProgressReport(total, items, System::nanoTime, Duration.ofSeconds(5),
        LoggerFactory.getLogger("progress")::info, () -> { });
  }

  /** What a terminal needs before another line is printed over the live one. */
  public static String clearLine() {
    return CLEAR_LINE;
  }

  @Override
  public void changed(Supplier<ExportSummary> counts) {
    long now = nanoTime.getAsLong();
    if (now - lastShown >= intervalNanos) {
      lastShown = now;
      show.accept(line(counts.get(), total.get(), Duration.ofNanos(now - start), items));
    }
  }

  @Override
  public void ended() {
    clear.run();
  }

  /** E.g. "exported 120 of 2000, downlinks disabled 118, failed 2; 40 devices/s, about 47 s left". */
  static String line(ExportSummary counts, OptionalLong total, Duration elapsed,
      String items) {
    long failed = counts.failures().size();
    long done = counts.exported() + counts.resumed() + counts.skipped() + failed;
    StringBuilder line = new StringBuilder("exported ").append(counts.exported());
    total.ifPresent(all -> line.append(" of ").append(all - counts.skipped() - counts.resumed()));
    if (counts.disabled() > 0) {
      line.append(", ").append(counts.disabledLabel()).append(' ').append(counts.disabled());
    }
    if (counts.deleted() > 0) {
      line.append(", deleted ").append(counts.deleted());
    }
    if (counts.skipped() > 0) {
      line.append(", skipped ").append(counts.skipped());
    }
    line.append(", failed ").append(failed);
    double seconds = elapsed.toNanos() / 1e9;
    double rate = seconds > 0 ? (counts.exported() + failed) / seconds : 0;
    line.append("; ").append(Math.round(rate)).append(' ').append(items).append("/s");
    if (total.isPresent() && rate > 0) {
      long left = Math.max(0, total.getAsLong() - done);
      line.append(", about ").append(duration(Math.round(left / rate))).append(" left");
    }
    return line.toString();
  }

  private static String duration(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds / 60 % 60 + " min";
  }
}
