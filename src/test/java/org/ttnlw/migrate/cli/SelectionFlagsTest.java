package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's mistakes with --select, --limit and --ids-file; --ids-file itself, and a
 * selection by model, whose fields the simulator's List allows in its mask as TTS does.
 */
class SelectionFlagsTest {
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(4);

  @TempDir
  Path folder;

  @Test
  void aBadFilterIsAUsageErrorNamingTheValue() {
    CliRun.Result result = tts.run("list", "--source", "ttnv3", "my-app", "--select",
        "seen-within:30");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("\"seen-within:30\" is not a valid seen-within filter;"
        + " write it as seen-within:AGE with AGE like 12h, 30d or 8w"), result.stderr());
    assertTrue(tts.source.calls().isEmpty());
  }

  @Test
  void aLimitBelowOneIsAUsageError() {
    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--limit", "0");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("'--limit': 0: give the number of devices to take, 1 or"
        + " more"), result.stderr());
    assertTrue(tts.target.writes().isEmpty());
  }

  @Test
  void undoChecksItsLimitAsTheSelectionDoes() {
    CliRun.Result result = tts.run("undo", "--source", "ttnv3", "--state",
        folder.resolve("run.state").toString(), "--limit", "-3");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("'--limit': -3: give the number of devices to take, 1"
        + " or more"), result.stderr());
  }

  @Test
  void idsTheSourceDoesNotListAreNamedAndCountedInTheReport() throws Exception {
    Path ids = Files.writeString(folder.resolve("ids.txt"), "gone-1\nmy-device\ngone-2\n");
    Path report = folder.resolve("report.json");

    CliRun.Result result = tts.run("application", "--source", "ttnv3", "my-app", "--ids-file",
        ids.toString(), "--dry-run", "--report", report.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), "a partial match is no error: " + result);
    assertEquals(List.of("my-device"), result.devices().stream()
        .map(device -> device.getIds().getDeviceId()).toList());
    assertTrue(result.stderr().contains("selected 1 of the 5 devices listed; 2 named in"
        + " --ids-file, not listed by the source: gone-1, gone-2"), result.stderr());
    assertTrue(result.stderr().contains("ttn-lw-migrate: 2 devices named in --ids-file, not"
        + " listed by the source"), result.stderr());
    JsonNode notice = new ObjectMapper().readTree(report.toFile()).get("runs").get(0)
        .get("notices").get(0);
    assertEquals("named in --ids-file, not listed by the source", notice.get("notice").asText());
    assertEquals("[\"gone-1\",\"gone-2\"]", notice.get("items").toString());
  }

  @Test
  void anIdsFileOfWhichTheSourceListsNoneFails() throws Exception {
    StringBuilder unknown = new StringBuilder();
    for (int i = 1; i <= 7; i++) {
      unknown.append("other-").append(i).append('\n');
    }
    Path ids = Files.writeString(folder.resolve("ids.txt"), unknown);

    CliRun.Result result = tts.run("list", "--source", "ttnv3", "my-app", "--ids-file",
        ids.toString());

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("error: none of the 7 devices named in --ids-file is"
        + " listed by the source (other-1, other-2, other-3, other-4, other-5 and 2 more)"),
        result.stderr());
  }

  @Test
  void aMigrationOfNoneOfTheNamedDevicesIsAStoppedRunInTheReport() throws Exception {
    Path ids = Files.writeString(folder.resolve("ids.txt"), "gone-1\ngone-2\n");
    Path report = folder.resolve("report.json");

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--ids-file", ids.toString(), "--report", report.toString());

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("selected 0 of the 5 devices listed; 2 named in"
        + " --ids-file, not listed by the source: gone-1, gone-2"), result.stderr());
    JsonNode written = new ObjectMapper().readTree(report.toFile());
    assertEquals(ExitCodes.EXPORT_FAILED, written.get("exit_code").asInt(), written.toString());
    assertTrue(written.get("error").asText().startsWith("none of the 2 devices named in"
        + " --ids-file is listed by the source"), written.toString());
    assertEquals("stopped", written.get("runs").get(0).get("outcome").asText(),
        written.toString());
    assertTrue(tts.target.writes().isEmpty());
  }

  @Test
  void listWithTheJournalLeavesOutWhatItHasDoneSoItShowsTheNextWave() {
    String state = folder.resolve("run.state").toString();
    CliRun.Result wave = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--limit", "2", "--state", state);
    assertEquals(ExitCodes.OK, wave.exitCode(), wave.toString());

    CliRun.Result next = tts.run("list", "--source", "ttnv3", "my-app", "--limit", "2",
        "--state", state);

    assertEquals(ExitCodes.OK, next.exitCode(), next.toString());
    assertEquals("device-00003\tmy-app\ndevice-00004\tmy-app\n", next.stdout());
    assertTrue(next.stderr().contains("listed 2 devices; 2 done by the journal " + state
        + " left out"), next.stderr());
  }

  @Test
  void deviceRefusesFiltersAndTakesTheIdsOfTheFile() throws Exception {
    CliRun.Result refused = tts.run("device", "--source", "ttnv3", "my-device", "--select",
        "attribute:site=building-0");
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.toString());
    assertTrue(refused.stderr().contains("--select picks devices from an application's device"
        + " list"), refused.stderr());

    Path ids = Files.writeString(folder.resolve("ids.txt"), "device-00002\nmy-device\n");
    CliRun.Result named = tts.run("device", "--source", "ttnv3", "--ids-file", ids.toString(),
        "--dry-run");
    assertEquals(0, named.exitCode(), named.toString());
    assertEquals(List.of("device-00002", "my-device"), named.devices().stream()
        .map(device -> device.getIds().getDeviceId()).toList());
  }

  @Test
  void applicationTakesTheListedDevicesOfTheIdsFileInListOrder() throws Exception {
    Path ids = Files.writeString(folder.resolve("ids.txt"), "my-device\ndevice-00003\n");

    CliRun.Result result = tts.run("application", "--source", "ttnv3", "my-app", "--ids-file",
        ids.toString(), "--dry-run");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(List.of("device-00003", "my-device"), result.devices().stream()
        .map(device -> device.getIds().getDeviceId()).toList());
    assertTrue(result.stderr().contains("selected 2 of the 5 devices listed"), result.stderr());
    assertFalse(tts.source.writes().stream().findAny().isPresent(), "a dry run changes nothing");
  }

  @Test
  void aSelectionByModelIsListedFromTheIdentityServersListAlone() {
    CliRun.Result result = tts.run("list", "--source", "ttnv3", "my-app", "--select",
        "model:the-things-industries/generic-node-sensor-edition", "--limit", "2");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("device-00001\tmy-app\tmodel:the-things-industries/generic-node-sensor-edition\n"
        + "device-00002\tmy-app\tmodel:the-things-industries/generic-node-sensor-edition\n",
        result.stdout());
    // the rights check, then one page with the model's fields in the mask; no device read
    assertEquals(List.of("ListRights", "List [ids, version_ids.brand_id, version_ids.model_id]"),
        tts.source.calls().stream().map(call -> call.method()
            + (call.fieldMaskPaths().isEmpty() ? "" : " " + call.fieldMaskPaths())).toList());
  }
}
