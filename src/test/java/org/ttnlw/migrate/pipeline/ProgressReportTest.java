package org.ttnlw.migrate.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressReportTest {
  private static ExportSummary counts(long exported, long disabled, long skipped, int failed) {
    List<ItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < failed; i++) {
      failures.add(new ItemFailure("app/bad-" + i, "cause"));
    }
    return new ExportSummary(exported, Map.of(), 0, disabled, "downlinks disabled", 0, skipped,
        failures, false);
  }

  private static ProgressLine line(ExportSummary counts, OptionalLong total, int elapsedSeconds,
      OptionalDouble rate) {
    return new ProgressLine("exported", counts, total, Duration.ofSeconds(elapsedSeconds), rate,
        "devices");
  }

  @Test
  void aLineHoldsDoneOfTotalChangesFailuresRateElapsedAndTimeLeft() {
    assertEquals("exported 313 of 3001, downlinks disabled 307, failed 0; 44 devices/s; 1 min"
            + " 12 s elapsed, about 1 min 1 s left",
        line(counts(313, 307, 0, 0), OptionalLong.of(3001), 72, OptionalDouble.of(44)).full());
    assertEquals("exported 30 of 90, skipped 10, failed 2; 1 devices/s; 32 s elapsed, about"
            + " 58 s left",
        line(counts(30, 0, 10, 2), OptionalLong.of(100), 32, OptionalDouble.of(1)).full());
    assertEquals("exported 5, failed 1; 2 s elapsed",
        line(counts(5, 0, 0, 1), OptionalLong.empty(), 2, OptionalDouble.empty()).full());
  }

  @Test
  void aNarrowTerminalGetsTheBriefFormAndNeverALineAsWideAsItself() {
    ProgressLine line = line(counts(313, 307, 0, 0), OptionalLong.of(3001), 72,
        OptionalDouble.of(44));
    assertEquals(line.full(), line.fitted(200));
    assertEquals("313/3001 failed 0 44/s 1:12 ~1:01 left", line.fitted(80));
    assertEquals("313/3001 failed 0 44/s 1:12 ~1:01 left", line.fitted(60));
    assertEquals("313/3001 fail", line.fitted(14));
    for (int columns = 1; columns <= 200; columns++) {
      assertTrue(line.fitted(columns).length() < Math.max(2, columns),
          columns + " columns: " + line.fitted(columns));
    }
  }

  @Test
  void theRateIsTheRecentOneNotTheAverageSinceTheStart() {
    AtomicLong now = new AtomicLong();
    List<ProgressLine> shown = new ArrayList<>();
    ProgressReport report = new ProgressReport(() -> OptionalLong.of(10_000), "exported",
        "devices", now::get, Duration.ofSeconds(5), shown::add, () -> { });
    // A minute at 1 device/s (a slow listing, a rate-limited start), then 100 devices/s.
    long exported = 0;
    for (int second = 1; second <= 90; second++) {
      exported += second <= 60 ? 1 : 100;
      now.set(Duration.ofSeconds(second).toNanos());
      long done = exported;
      report.changed(() -> counts(done, 0, 0, 0));
    }
    ProgressLine last = shown.get(shown.size() - 1);
    assertEquals(100, Math.round(last.rate().getAsDouble()), last.full());
    assertTrue(last.full().endsWith("1 min 30 s elapsed, about 1 min 9 s left"), last.full());
  }

  @Test
  void plainModeShowsOneLinePerIntervalAndNothingAtTheEnd() {
    AtomicLong now = new AtomicLong();
    List<String> shown = new ArrayList<>();
    List<String> cleared = new ArrayList<>();
    ProgressReport report = new ProgressReport(() -> OptionalLong.of(10), "imported", "devices",
        now::get, Duration.ofSeconds(5), line -> shown.add(line.full()),
        () -> cleared.add("cleared"));

    for (int second = 1; second <= 12; second++) {
      now.set(Duration.ofSeconds(second).toNanos());
      long exported = second;
      report.changed(() -> counts(exported, 0, 0, 0));
    }
    report.ended();

    assertEquals(List.of("imported 5 of 10, failed 0; 1 devices/s; 5 s elapsed, about 5 s left",
        "imported 10 of 10, failed 0; 1 devices/s; 10 s elapsed, about 0 s left"), shown);
    assertEquals(List.of("cleared"), cleared);
  }

  @Test
  void countsAreOnlyComputedWhenALineIsDue() {
    AtomicLong now = new AtomicLong();
    ProgressReport report = new ProgressReport(OptionalLong::empty, "exported", "devices",
        now::get, Duration.ofSeconds(5), line -> { }, () -> { });
    report.changed(() -> {
      throw new AssertionError("asked for counts before a line was due");
    });
  }

  @Test
  void theLiveLineIsRedrawnInPlaceFittedAndClearedAtTheEnd() throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ProgressReport report = ProgressReport.live(() -> OptionalLong.of(3), terminal, 40,
        "exported", "devices");
    Thread.sleep(250);
    report.changed(() -> counts(1, 1, 0, 0));
    report.ended();

    String written = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(written.startsWith("\r\u001b[K1/3 failed 0 "), written);
    assertTrue(written.endsWith("\r\u001b[K"), written);
    String drawn = written.substring(4, written.length() - 4);
    assertTrue(drawn.length() < 40, drawn);
    assertFalse(written.contains("\n"), "a live line never scrolls: " + written);
  }
}
