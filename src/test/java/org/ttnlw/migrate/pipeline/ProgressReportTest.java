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

  @Test
  void aLineHoldsDoneOfTotalChangesFailuresRateAndTimeLeft() {
    assertEquals("exported 120 of 2000, downlinks disabled 118, failed 0; 40 devices/s, about"
            + " 47 s left",
        ProgressReport.line(counts(120, 118, 0, 0), OptionalLong.of(2000), Duration.ofSeconds(3), "devices"));
    assertEquals("exported 30 of 90, skipped 10, failed 2; 1 devices/s, about 58 s left",
        ProgressReport.line(counts(30, 0, 10, 2), OptionalLong.of(100), Duration.ofSeconds(32), "devices"));
    assertEquals("exported 5, failed 1; 3 devices/s",
        ProgressReport.line(counts(5, 0, 0, 1), OptionalLong.empty(), Duration.ofSeconds(2), "devices"));
  }

  @Test
  void plainModeShowsOneLinePerIntervalAndNothingAtTheEnd() {
    AtomicLong now = new AtomicLong();
    List<String> shown = new ArrayList<>();
    List<String> cleared = new ArrayList<>();
    ProgressReport report = new ProgressReport(() -> OptionalLong.of(10), "devices", now::get,
        Duration.ofSeconds(5), shown::add, () -> cleared.add("cleared"));

    for (int second = 1; second <= 12; second++) {
      now.set(Duration.ofSeconds(second).toNanos());
      long exported = second;
      report.changed(() -> counts(exported, 0, 0, 0));
    }
    report.ended();

    assertEquals(List.of("exported 5 of 10, failed 0; 1 devices/s, about 5 s left",
        "exported 10 of 10, failed 0; 1 devices/s, about 0 s left"), shown);
    assertEquals(List.of("cleared"), cleared);
  }

  @Test
  void countsAreOnlyComputedWhenALineIsDue() {
    AtomicLong now = new AtomicLong();
    ProgressReport report = new ProgressReport(OptionalLong::empty, "devices", now::get,
        Duration.ofSeconds(5), line -> { }, () -> { });
    report.changed(() -> {
      throw new AssertionError("asked for counts before a line was due");
    });
  }

  @Test
  void theLiveLineIsRedrawnInPlaceAndClearedAtTheEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(bytes, true,
        StandardCharsets.UTF_8);
    ProgressReport report = ProgressReport.live(() -> OptionalLong.of(3), terminal, "devices");
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    report.changed(() -> counts(1, 1, 0, 0));
    report.ended();

    String written = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(written.startsWith("\r\u001b[Kexported 1 of 3, downlinks disabled 1,"
        + " failed 0; "), written);
    assertTrue(written.endsWith("left\r\u001b[K"), written);
    assertFalse(written.contains("\n"), "a live line never scrolls: " + written);
  }
}
