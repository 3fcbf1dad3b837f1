package org.ttnlw.migrate.pipeline;

import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One progress line: the items done of the total when the source knows it, the changes at the
 * source, failures, the recent rate, the time elapsed and the time left. {@link #fitted} cuts it
 * to a terminal's width, so that it never wraps.
 *
 * @param verb what the run does to an item, e.g. "exported", "migrated"
 * @param items what is counted, e.g. "devices"
 */
record ProgressLine(String verb, ExportSummary counts, OptionalLong total, Duration elapsed,
    OptionalDouble rate, String items) {

  /** E.g. "exported 120 of 2000, downlinks disabled 118, failed 0; 40 devices/s; 3 s elapsed, about 47 s left". */
  String full() {
    StringBuilder line = new StringBuilder(verb).append(' ').append(counts.exported());
    todo().ifPresent(all -> line.append(" of ").append(all));
    if (counts.disabled() > 0) {
      line.append(", ").append(counts.disabledLabel()).append(' ').append(counts.disabled());
    }
    if (counts.deleted() > 0) {
      line.append(", deleted ").append(counts.deleted());
    }
    if (counts.skipped() > 0) {
      line.append(", skipped ").append(counts.skipped());
    }
    line.append(", failed ").append(counts.failures().size()).append("; ");
    rate.ifPresent(perSecond -> line.append(Math.round(perSecond)).append(' ').append(items)
        .append("/s; "));
    line.append(words(elapsed.toSeconds())).append(" elapsed");
    left().ifPresent(seconds -> line.append(", about ").append(words(seconds)).append(" left"));
    return line.toString();
  }

  /** E.g. "120/2000 failed 0 40/s 0:03 ~0:47 left", for a narrow terminal. */
  String brief() {
    StringBuilder line = new StringBuilder().append(counts.exported());
    todo().ifPresent(all -> line.append('/').append(all));
    line.append(" failed ").append(counts.failures().size());
    rate.ifPresent(perSecond -> line.append(' ').append(Math.round(perSecond)).append("/s"));
    line.append(' ').append(clock(elapsed.toSeconds()));
    left().ifPresent(seconds -> line.append(" ~").append(clock(seconds)).append(" left"));
    return line.toString();
  }

  /**
   * The full line if it fits in {@code columns}, else the brief one, cut if need be. One column
   * stays free: a terminal that is written to its last column wraps on some emulators.
   */
  String fitted(int columns) {
    int room = Math.max(1, columns - 1);
    String full = full();
    if (full.length() <= room) {
      return full;
    }
    String brief = brief();
    return brief.length() <= room ? brief : brief.substring(0, room);
  }

  /** The items this run has to do: the total less those an earlier run did. */
  private OptionalLong todo() {
    return total.isPresent()
        ? OptionalLong.of(total.getAsLong() - counts.skipped() - counts.resumed())
        : OptionalLong.empty();
  }

  private OptionalLong left() {
    if (total.isEmpty() || rate.isEmpty() || rate.getAsDouble() <= 0) {
      return OptionalLong.empty();
    }
    long done = counts.exported() + counts.resumed() + counts.skipped()
        + counts.failures().size();
    long remaining = Math.max(0, total.getAsLong() - done);
    return OptionalLong.of(Math.round(remaining / rate.getAsDouble()));
  }

  private static String words(long seconds) {
    if (seconds < 60) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds / 60 % 60 + " min";
  }

  private static String clock(long seconds) {
    return seconds < 3600 ? String.format("%d:%02d", seconds / 60, seconds % 60)
        : String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
