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
 * The progress of a run on stderr (see {@link ProgressLine}). On a terminal one live line, fitted
 * to its width, is redrawn a few times a second and cleared at the end; otherwise a plain log
 * line every few seconds.
 */
public final class ProgressReport implements RunProgress {
  private static final String CLEAR_LINE = "\r\u001b[K";
  private static final Duration RATE_WINDOW = Duration.ofSeconds(10);

  private final Supplier<OptionalLong> total;
  private final String verb;
  private final String items;
  private final LongSupplier nanoTime;
  private final long intervalNanos;
  private final Consumer<ProgressLine> show;
  private final Runnable clear;
  private final long start;
  private final RecentRate rate = new RecentRate(RATE_WINDOW);
  private long lastShown;

  /**
   * @param verb what the run does to an item, e.g. "exported"
   * @param items what is counted, e.g. "devices"
   */
  ProgressReport(Supplier<OptionalLong> total, String verb, String items, LongSupplier nanoTime,
      Duration interval, Consumer<ProgressLine> show, Runnable clear) {
    this.total = total;
    this.verb = verb;
    this.items = items;
    this.nanoTime = nanoTime;
    this.intervalNanos = interval.toNanos();
    this.show = show;
    this.clear = clear;
    this.start = nanoTime.getAsLong();
    this.lastShown = start;
    rate.add(start, 0);
  }

  /** A live line on {@code terminal}, {@code columns} wide, redrawn at most every 200 ms. */
  public static ProgressReport live(Supplier<OptionalLong> total, PrintStream terminal,
      int columns, String verb, String items) {
    return new ProgressReport(total, verb, items, System::nanoTime, Duration.ofMillis(200),
        line -> draw(terminal, CLEAR_LINE + line.fitted(columns)),
        () -> draw(terminal, CLEAR_LINE));
  }

  /** As bytes: printed text goes to stderr with its control characters escaped. */
  private static void draw(PrintStream terminal, String text) {
    terminal.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    terminal.flush();
  }

  /** A log line every 5 s, for stderr that is a file or a pipe. */
  public static ProgressReport plain(Supplier<OptionalLong> total, String verb, String items) {
    return new ProgressReport(total, verb, items, System::nanoTime, Duration.ofSeconds(5),
        line -> LoggerFactory.getLogger("progress").info(line.full()), () -> { });
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
      ExportSummary current = counts.get();
      show.accept(new ProgressLine(verb, current, total.get(), Duration.ofNanos(now - start),
          rate.add(now, current.exported() + current.failures().size()), items));
    }
  }

  @Override
  public void ended() {
    clear.run();
  }
}
