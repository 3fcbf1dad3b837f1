package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import} takes a selection of the file as the sources' commands take one of a list:
 * waves of {@code --limit} by the journal, {@code --ids-file}, and {@code --select} on what each
 * record holds, refusing what a record need not hold.
 */
class ImportSelectionTest {
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(4);

  @TempDir
  Path folder;

  private Path devices;

  /** The five devices of my-app in a file, in this order. */
  @BeforeEach
  void exported() throws Exception {
    CliRun.Result export = tts.run("device", "--source", "ttnv3", "--ttnv3.app-id", "my-app",
        "device-00004", "device-00001", "my-device", "device-00003", "device-00002",
        "--dry-run");
    assertEquals(ExitCodes.OK, export.exitCode(), export.toString());
    devices = Files.writeString(folder.resolve("devices.json"), export.stdout());
  }

  private static List<String> imported(CliRun.Result result) {
    return result.devices().stream().map(device -> device.getIds().getDeviceId()).toList();
  }

  @Test
  void aLimitTakesTheNextWaveOfTheFileThatTheJournalHasNotDone() {
    String state = folder.resolve("import.state").toString();

    CliRun.Result first = tts.run("import", devices.toString(), "--limit", "2", "--state",
        state);
    CliRun.Result second = tts.run("import", devices.toString(), "--limit", "2", "--state",
        state);

    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
    assertEquals(List.of("device-00004", "device-00001"), imported(first));
    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    assertEquals(List.of("my-device", "device-00003"), imported(second));
    assertFalse(tts.anywhereInTarget("device-00002"), "not in either wave");
  }

  @Test
  void anIdsFileTakesTheDevicesItNamesAndNamesThoseTheFileLacks() throws Exception {
    Path ids = Files.writeString(folder.resolve("ids.txt"), "device-00003\nnot-exported\n");

    CliRun.Result result = tts.run("import", devices.toString(), "--ids-file", ids.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(List.of("device-00003"), imported(result));
    assertTrue(result.stderr().contains("selected 1 of the 5 devices listed; 1 named in"
        + " --ids-file, not listed by the source: not-exported"), result.stderr());
  }

  @Test
  void aFilterIsJudgedOnWhatEachRecordHolds() {
    CliRun.Result result = tts.run("import", devices.toString(), "--select",
        "attribute:site=building-3", "--select", "frequency-plan:EU_863_870_TTN");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(List.of("device-00003"), imported(result));
  }

  @Test
  void aFilterOnWhatARecordNeedNotHoldIsRefusedBeforeAnythingIsRead() {
    tts.target.clearCalls();

    CliRun.Result result = tts.run("import", devices.toString(), "--select",
        "not-seen-within:30d");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("--select: a TTS JSON file cannot select on last"
        + " activity: a TTS JSON record need not hold when the device was last seen"),
        result.stderr());
    assertEquals(List.of(), tts.target.calls());
  }
}
