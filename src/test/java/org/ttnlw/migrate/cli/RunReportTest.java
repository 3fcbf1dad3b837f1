package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * What a run says at its end: the report file ({@code --report}), notices once with a count,
 * failures once, {@code --quiet}, and an interruption without a journal said as it is.
 */
class RunReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(5);

  @TempDir
  Path folder;

  /** A first export leaves every device of my-app with its downlinks disabled at the source. */
  private void disableDownlinksAtTheSource() {
    CliRun.Result first = tts.run("application", "--source", "ttnv3", "my-app", "--output",
        folder.resolve("first.json").toString());
    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
  }

  private void refuseDevice2() {
    tts.source.faults(call -> call.deviceId().equals("device-00002")
        && call.server() == TtsServer.NETWORK_SERVER && call.method().equals("Get")
        ? Optional.of(Fault.of(Status.FAILED_PRECONDITION.withDescription("refused")))
        : Optional.empty());
  }

  /** The signal of a Ctrl-C pressed when the source is asked for device-00002. */
  private StopSignal stopAtDevice2() {
    StopSignal stop = new StopSignal();
    tts.source.faults(call -> {
      if (call.deviceId().equals("device-00002")) {
        stop.request();
      }
      return Optional.empty();
    });
    return stop;
  }

  private static List<String> lines(CliRun.Result result, String containing) {
    return result.stderr().lines().filter(line -> line.contains(containing)).toList();
  }

  @Test
  void aMigrationsReportHoldsCountsOutcomesFailuresAndNoticesAndNoKey() throws IOException {
    disableDownlinksAtTheSource();
    refuseDevice2();
    Path report = folder.resolve("report.json");
    Files.writeString(report, "an earlier report");

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--continue-on-error", "--report", report.toString());

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals(List.of("ttn-lw-migrate: 5 devices had downlinks disabled at the source"
            + " (mac_settings.schedule_downlinks = false, as an earlier export leaves it);"
            + " exported without that setting, so the target schedules downlinks"),
        lines(result, "had downlinks disabled"), "one line, however many devices");
    assertEquals(1, lines(result, "device-00002").size(), "a failure is said once: " + result);
    assertTrue(result.stderr().contains("\n  device my-app/device-00002: NS Get"),
        result.stderr());

    String text = Files.readString(report);
    assertFalse(text.contains(CliRun.API_KEY) || text.contains(TwoDeployments.TARGET_KEY), text);
    JsonNode json = JSON.readTree(text);
    assertTrue(json.get("tool").asText().startsWith("ttn-lw-migrate "), text);
    assertEquals("ttn-lw-migrate migrate application", json.get("command").asText());
    assertEquals(3, json.get("exit_code").asInt());
    assertTrue(json.get("duration_seconds").asDouble() > 0, text);
    JsonNode run = json.get("runs").get(0);
    assertEquals("devices", run.get("items").asText());
    assertEquals("some_failed", run.get("outcome").asText());
    assertEquals(5, run.get("counts").get("migrated").asInt(), text);
    assertEquals(5, run.get("counts").get("created").asInt(), text);
    assertEquals(5, run.get("counts").get("downlinks disabled").asInt(), text);
    assertEquals(1, run.get("counts").get("failed").asInt(), text);
    JsonNode failure = run.get("failures").get(0);
    assertEquals("my-app/device-00002", failure.get("item").asText());
    assertTrue(failure.get("cause").asText().contains("FAILED_PRECONDITION"), text);
    JsonNode notice = run.get("notices").get(0);
    assertEquals(5, notice.get("count").asInt(), "all but the failed one: " + text);
    assertEquals(5, notice.get("items").size(), text);
    List<String> outcomes = new ArrayList<>();
    run.get("item_outcomes").forEach(item -> outcomes.add(item.get("item").asText() + " "
        + item.get("outcome").asText() + " " + item.path("source").asText("-")));
    assertEquals(6, outcomes.size(), text);
    assertTrue(outcomes.contains("my-app/device-00001 created downlinks disabled"), text);
    assertTrue(outcomes.contains("my-app/device-00002 failed -"), text);
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(), files.filter(file -> file.toString().endsWith(".partial"))
          .toList(), "nothing half-written is left");
    }
  }

  @Test
  void verboseNamesEachNoticedDeviceOnceUnderItsNotice() {
    disableDownlinksAtTheSource();

    CliRun.Result result = tts.run("application", "--source", "ttnv3", "my-app", "--dry-run",
        "--verbose");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<String> named = result.stderr().lines()
        .filter(line -> line.contains("my-app/device-00003"))
        .filter(line -> line.contains("had downlinks disabled")
            || line.strip().equals("my-app/device-00003"))
        .toList();
    assertEquals(List.of("  my-app/device-00003"), named, result.stderr());
  }

  @Test
  void aRefusedRunStillWritesItsReportWithTheCause() throws IOException {
    Path report = folder.resolve("report.json");
    Map<String, String> environment = tts.environment();
    environment.put("TARGET_APP_API_KEY", "NNSXS.WRONG-KEY-NOT-TO-BE-REPORTED");

    CliRun.Result result = CliRun.run(environment, "", "migrate", "application", "--source",
        "ttnv3", "my-app", "--report", report.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    JsonNode json = JSON.readTree(report.toFile());
    assertEquals(2, json.get("exit_code").asInt());
    assertTrue(json.get("error").asText().contains("--target.app-api-key"), json.toString());
    assertFalse(json.toString().contains("WRONG-KEY"), json.toString());
    assertEquals(0, json.get("runs").size());
  }

  @Test
  void aReportWhoseFolderIsMissingRefusesTheRunBeforeAnyDeviceMoves() {
    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--report", folder.resolve("no-such-folder/report.json").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("--report"), result.stderr());
    assertEquals(List.of(), tts.target.writes(), "no write in the target");
  }

  @Test
  void quietKeepsOnlyErrorsAndTheSummary() {
    disableDownlinksAtTheSource();
    refuseDevice2();

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--continue-on-error", "--quiet");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    for (String line : result.stderr().lines().toList()) {
      assertTrue(line.startsWith("ttn-lw-migrate: ") || line.startsWith("  "), result.stderr());
      assertFalse(line.contains("note:") || line.startsWith("INFO") || line.startsWith("WARN"),
          result.stderr());
    }
    assertTrue(result.stderr().contains("ttn-lw-migrate: migrated 5 (created 5)"),
        result.stderr());
  }

  @Test
  void anInterruptedRunWithoutAJournalSaysThatARerunStartsOver() {
    StopSignal stop = stopAtDevice2();

    CliRun.Result result = CliRun.run(tts.environment(), "", stop, "application", "--source",
        "ttnv3", "my-app", "--concurrency", "1");

    assertEquals(ExitCodes.INTERRUPTED, result.exitCode(), result.toString());
    assertEquals(1, lines(result, "note: this run keeps no journal").size(), result.stderr());
    assertTrue(result.stderr().contains("interrupted; this run kept no journal"),
        result.stderr());
    assertFalse(result.stderr().contains("resume"), result.stderr());
  }

  @Test
  void anInterruptedRunWithAJournalSaysARerunGoesOn() {
    StopSignal stop = stopAtDevice2();
    Path output = folder.resolve("devices.json");

    CliRun.Result result = CliRun.run(tts.environment(), "", stop, "application", "--source",
        "ttnv3", "my-app", "--concurrency", "1", "--output", output.toString());

    assertEquals(ExitCodes.INTERRUPTED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("interrupted; run the same command again to go on"
        + " where this run stopped (its journal is " + output + ".state)"), result.stderr());
    assertFalse(result.stderr().contains("no journal"), result.stderr());
  }
}
