package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.tts.TtsServer;

/** Selection, waves and {@code list} in-process against the TTS simulators. */
class WavesTest {
  private TwoDeployments tts;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    tts = new TwoDeployments(0);
    Instant recently = Instant.now().minus(Duration.ofDays(5));
    for (EndDevice device : SampleDevices.application("my-app", 20)) {
      int index = Integer.parseInt(device.getIds().getDeviceId().substring(7));
      if (index % 2 == 0) {
        device = device.toBuilder().setLastSeenAt(Timestamp.newBuilder()
            .setSeconds(recently.getEpochSecond())).build();
      }
      tts.source.put(device, SampleDevices.servers(device));
    }
  }

  @AfterEach
  void stop() {
    tts.close();
  }

  @Test
  void listShowsTheSelectionFromListCallsOnly() {
    CliRun.Result result = tts.run("list", "--source", "ttnv3", "my-app",
        "--select", "attribute:site=building-3", "--select", "seen-within:30d");

    assertEquals(0, result.exitCode(), result.toString());
    // site=building-(index % 7): 3, 10, 17; seen recently: the even ones
    assertEquals(List.of("device-00010"), result.stdout().lines()
        .map(line -> line.split("\t")[0]).toList(), result.toString());
    assertTrue(result.stdout().startsWith("device-00010\tmy-app\tattribute:site=building-3\t"
        + "last-seen:"), result.stdout());
    List<CallInfo> calls = tts.source.calls();
    assertTrue(calls.stream().noneMatch(call -> call.method().equals("Get")
        && !call.deviceId().isEmpty()), calls.toString());
    assertTrue(result.stderr().contains("selected 1 of the 21 devices listed"), result.stderr());
  }

  @Test
  void theSameCommandMovesTheNextWave() {
    String output = folder.resolve("migrated.json").toString();
    CliRun.Result first = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--limit", "5", "--output", output);
    CliRun.Result second = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--limit", "5", "--output", output);

    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(0, second.exitCode(), second.toString());
    // in device ID order: device-00001 to -00005, then -00006 to -00010
    assertTrue(tts.anywhereInTarget("device-00010"), second.toString());
    assertFalse(tts.anywhereInTarget("device-00011"), second.toString());
    assertTrue(second.stderr().contains("exported 5 (created 5)"), second.stderr());
    assertTrue(second.stderr().contains("skipped 5"), second.stderr());
  }

  @Test
  void aFilterTheSourceCannotJudgeIsRefused() {
    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--select", "otaa");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("cannot select on activation"), result.stderr());
    assertTrue(tts.target.writes().isEmpty());
  }
}
