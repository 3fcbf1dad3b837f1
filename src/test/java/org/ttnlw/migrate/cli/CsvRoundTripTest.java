package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * The commands of docs/csv.md through the CLI: an application exported as {@code --format
 * tts-csv} (resumable, its drops summed up), read back by the csv source, and imported.
 */
class CsvRoundTripTest {
  @TempDir
  Path dir;

  @Test
  void exportAsTtsCsvReadBackAndImport() throws Exception {
    try (TwoDeployments tts = new TwoDeployments(5)) {
      Path csv = dir.resolve("devices.csv");
      CliRun.Result export = tts.run("application", "--source", "ttnv3", "my-app", "--format",
          "tts-csv", "--output", csv.toString());
      assertEquals(ExitCodes.OK, export.exitCode(), export.toString());
      assertTrue(export.stderr().contains("TTS's CSV format has no column for these fields of"),
          export.toString());
      assertTrue(export.stderr().contains("  mac_state: "), export.toString());
      String written = Files.readString(csv);
      assertTrue(written.startsWith("id;dev_eui;join_eui;"), written);

      CliRun.Result again = tts.run("application", "--source", "ttnv3", "my-app", "--format",
          "tts-csv", "--output", csv.toString());
      assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
      assertEquals(written, Files.readString(csv), "a second run writes no device twice");

      CliRun.Result read = CliRun.run(Map.of(), "", "csv", "application", "--csv-path",
          csv.toString(), "--app-id", "my-app");
      assertEquals(ExitCodes.OK, read.exitCode(), read.toString());
      List<EndDevice> devices = read.devices();
      assertEquals(6, devices.size(), read.toString());
      assertTrue(read.stderr().contains("read 6 rows of " + csv), read.toString());
      CliRun.Result asJson = tts.run("application", "--source", "ttnv3", "my-app");
      Map<String, EndDevice> original = asJson.devices().stream().collect(Collectors.toMap(
          device -> device.getIds().getDeviceId(), device -> device));
      for (EndDevice device : devices) {
        EndDevice before = original.get(device.getIds().getDeviceId());
        assertEquals(before.getIds().getDevEui(), device.getIds().getDevEui());
        assertEquals(before.getRootKeys().getAppKey().getKey(),
            device.getRootKeys().getAppKey().getKey());
        assertEquals(before.getSession().getLastFCntUp(), device.getSession().getLastFCntUp());
        assertEquals(before.getSession().getKeys().getAppSKey().getKey(),
            device.getSession().getKeys().getAppSKey().getKey());
      }

      Path json = dir.resolve("devices.json");
      Files.writeString(json, read.stdout());
      CliRun.Result imported = tts.run("import", json.toString());
      assertEquals(ExitCodes.OK, imported.exitCode(), imported.toString());
      for (EndDevice device : devices) {
        EndDevice there = tts.inTarget(TtsServer.IDENTITY_SERVER, device.getIds().getDeviceId());
        assertEquals(device.getIds().getDevEui(), there.getIds().getDevEui());
      }
    }
  }

  @Test
  void gatewaysAndUnknownFormatsAreUsageErrors() {
    CliRun.Result unknown = CliRun.run(Map.of(), "", "csv", "application", "--csv-path", "x.csv",
        "--app-id", "a", "--format", "xml");
    assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.stderr().contains("the formats are json, tts-csv"), unknown.toString());
  }
}
