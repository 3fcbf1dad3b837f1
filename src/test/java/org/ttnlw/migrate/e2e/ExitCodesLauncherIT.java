package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * Each row of the exit-code table in docs/reliability.md through {@code bin/ttn-lw-migrate}: the
 * code and the last stderr line (the summary, or the pre-flight's one line). The rows run at once,
 * each against simulators and in a folder of its own.
 */
class ExitCodesLauncherIT {
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(3);

  @TempDir
  Path folder;

  private PackagedTool.Result run(Map<String, String> environment, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(args));
    command.addAll(List.of("--output", folder.resolve("devices.json").toString()));
    return PackagedTool.launcher(folder, environment, "", command.toArray(String[]::new));
  }

  private static String lastLine(PackagedTool.Result result) {
    List<String> lines = result.stderr().lines()
        .filter(line -> line.startsWith("ttn-lw-migrate: ")).toList();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** device-00002's Network Server part is refused at the source: a per-device failure. */
  private void refuseDevice2() {
    tts.source.faults(call -> call.deviceId().equals("device-00002")
        ? Optional.of(Fault.of(Status.FAILED_PRECONDITION.withDescription("refused")))
        : Optional.empty());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void row0EveryDeviceDone() throws Exception {
    PackagedTool.Result result = run(tts.environment(), "application", "--source", "ttnv3",
        "my-app");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("ttn-lw-migrate: exported 4, downlinks disabled 4, deleted 0, skipped 0,"
        + " failed 0", lastLine(result));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void row1StoppedAtAFailingDevice() throws Exception {
    refuseDevice2();
    PackagedTool.Result result = run(tts.environment(), "application", "--source", "ttnv3",
        "my-app", "--concurrency", "1");
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(lastLine(result).matches("ttn-lw-migrate: stopped; exported \\d, downlinks"
        + " disabled \\d, deleted 0, skipped 0, failed 1"), result.toString());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void row1AKeyRefusedMidRunStopsEvenWithContinueOnError() throws Exception {
    tts.source.faults(call -> call.deviceId().equals("device-00002")
        ? Optional.of(Fault.of(Status.UNAUTHENTICATED.withDescription("token expired")))
        : Optional.empty());
    PackagedTool.Result result = run(tts.environment(), "application", "--source", "ttnv3",
        "my-app", "--concurrency", "1", "--continue-on-error");
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(lastLine(result).startsWith("ttn-lw-migrate: stopped; ")
        && lastLine(result).endsWith("failed 1"), result.toString());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void row2AWrongSourceKey() throws Exception {
    Map<String, String> environment = tts.environment();
    environment.put("TTNV3_APP_API_KEY", "NNSXS.WRONG");
    PackagedTool.Result result = run(environment, "application", "--source", "ttnv3", "my-app",
        "--continue-on-error");
    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(lastLine(result).startsWith("ttn-lw-migrate: source: ")
        && lastLine(result).contains("--ttnv3.app-api-key"), result.toString());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void row2AWrongTargetKey() throws Exception {
    Map<String, String> environment = tts.environment();
    environment.put("TARGET_APP_API_KEY", "NNSXS.WRONG");
    PackagedTool.Result result = run(environment, "migrate", "application", "--source", "ttnv3",
        "my-app");
    assertEquals(2, result.exitCode(), result.toString());
    assertTrue(lastLine(result).startsWith("ttn-lw-migrate: target: ")
        && lastLine(result).contains("--target.app-api-key"), result.toString());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void row3SomeDevicesFailedWithContinueOnError() throws Exception {
    refuseDevice2();
    PackagedTool.Result result = run(tts.environment(), "application", "--source", "ttnv3",
        "my-app", "--continue-on-error");
    assertEquals(3, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("ttn-lw-migrate: exported 3, downlinks disabled 3,"
        + " deleted 0, skipped 0, failed 1"), result.toString());
    assertTrue(lastLine(result).equals("ttn-lw-migrate: these devices failed; fix the cause and"
        + " run the same command again:"), result.toString());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void row130InterruptedThenResumed() throws Exception {
    try (TwoDeployments slow = new TwoDeployments(12,
        TtsSimulator.builder().latency(Duration.ofMillis(150)))) {
      Path journal = folder.resolve("devices.json.state");
      List<String> command = List.of(PackagedTool.LAUNCHER.toString(), "migrate", "application",
          "--source", "ttnv3", "my-app", "--concurrency", "1", "--output",
          folder.resolve("devices.json").toString());
      PackagedTool.Result interrupted = PackagedTool.run(command, folder, slow.environment(), "",
          process -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!exportedOne(journal) && System.nanoTime() < deadline) {
              Thread.sleep(50);
            }
            // SIGTERM, as Ctrl-C's SIGINT; Process.destroy would also close the output streams.
            process.toHandle().destroy();
          });
      assertEquals(130, interrupted.exitCode(), interrupted.toString());
      assertTrue(interrupted.stderr().contains("(interrupted)\n"), interrupted.toString());
      assertTrue(lastLine(interrupted).startsWith("ttn-lw-migrate: interrupted; run the same"
          + " command again to go on where this run stopped"), interrupted.toString());

      // The latency was there only to interrupt the run half-way.
      slow.target.latency(Duration.ZERO);
      PackagedTool.Result resumed = PackagedTool.run(command, folder, slow.environment(), "");
      assertEquals(0, resumed.exitCode(), resumed.toString());
      assertTrue(lastLine(resumed).matches("ttn-lw-migrate: migrated \\d+ .*skipped [1-9]\\d*,"
          + " failed 0"), resumed.toString());
    }
  }

  private static boolean exportedOne(Path journal) throws IOException {
    return Files.exists(journal) && Files.readString(journal).contains("\nexported\t");
  }
}
