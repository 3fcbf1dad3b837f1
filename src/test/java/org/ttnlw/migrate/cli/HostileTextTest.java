package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.ControlCharacters;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.awsiot.AwsSamples;
import org.ttnlw.migrate.sim.awsiot.IotWirelessFake;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.sim.firefly.FireflyFake;
import org.ttnlw.migrate.source.awsiot.AwsTestSettings;
import org.ttnlw.migrate.source.chirpstack.ChirpStackExportTest;
import org.ttnlw.migrate.source.firefly.FireflyExportTest;
import org.ttnlw.migrate.source.wanesy.WanesyExportTest;

/**
 * IDs, names and cells with escape sequences, CR, LF, NUL and BEL, from every kind of input: on
 * stderr they are escaped, so that none clears the screen or forges a line of its own, while
 * device JSON on stdout keeps them (JSON-escaped).
 */
class HostileTextTest {
  static final String FORGED = "ERROR forged";
  static final String HOSTILE = "x\u001b[2J\r\n" + FORGED + "\u0000\u0007\u202e";
  static final String ESCAPED = "x\\u001b[2J\\u000d\\u000a" + FORGED + "\\u0000\\u0007\\u202e";
  /** For a CSV cell, which ends at a line break and holds no NUL. */
  static final String ONE_LINE = "x\u001b[2J\u0007\u202e" + FORGED;
  static final String ONE_LINE_ESCAPED = "x\\u001b[2J\\u0007\\u202e" + FORGED;

  @TempDir
  Path folder;

  /** No control character on stderr but the tool's own line ends, and no forged line. */
  static void assertTerminalSafe(CliRun.Result result) {
    result.stderr().chars().filter(c -> c != '\n' && ControlCharacters.isControl(c))
        .findFirst().ifPresent(c -> {
          throw new AssertionError(String.format("raw U+%04x on stderr%n%s", c, result));
        });
    assertFalse(result.stderr().lines().anyMatch(line -> line.startsWith(FORGED)),
        result.toString());
  }

  /** JSON escapes C0 controls (ESC, CR, LF, NUL, BEL) in strings: device lines hold none. */
  static void assertJsonEscaped(CliRun.Result result) {
    result.stdout().chars().filter(c -> c != '\n' && c < 0x20).findFirst().ifPresent(c -> {
      throw new AssertionError(String.format("raw U+%04x on stdout%n%s", c, result));
    });
  }

  private static String json(String text) throws Exception {
    return new ObjectMapper().writeValueAsString(text);
  }

  @Test
  void idsOnStdinAndAsArgumentsAreListedEscaped() throws Exception {
    try (TtsSimulator simulator = ConnectionTest.start(true)) {
      CliRun.Result stdin = CliRun.run(CliRun.environment(simulator), "my-device\n" + HOSTILE
          + "\n", "device", "--source", "ttnv3");
      CliRun.Result argument = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
          HOSTILE);

      assertEquals(ExitCodes.USAGE, stdin.exitCode(), stdin.toString());
      assertTrue(stdin.stderr().contains("2 invalid device IDs on stdin; nothing was exported"
          + " or changed:\n  stdin line 2: \"x\\u001b[2J\" is not a valid device ID"),
          stdin.toString());
      assertTrue(stdin.stderr().contains("\n  stdin line 3: \"" + FORGED
          + "\\u0000\\u0007\\u202e\" is not"), stdin.toString());
      assertTerminalSafe(stdin);
      assertEquals(ExitCodes.USAGE, argument.exitCode(), argument.toString());
      assertTrue(argument.stderr().contains("argument \"" + ESCAPED + "\": \"" + ESCAPED
          + "\" is not a valid device ID"), argument.toString());
      assertTerminalSafe(argument);
      assertEquals(List.of(), simulator.calls());
    }
  }

  @Test
  void anImportFileWithAHostileIdAndName() throws Exception {
    try (TwoDeployments tts = new TwoDeployments(1)) {
      CliRun.Result export = tts.run("device", "--source", "ttnv3", "my-device", "--dry-run");
      EndDevice device = export.onlyDevice();
      EndDevice named = device.toBuilder().setName(HOSTILE).build();
      EndDevice badId = device.toBuilder().setIds(device.getIds().toBuilder()
          .setDeviceId(HOSTILE)).setName(HOSTILE).build();
      Path file = Files.writeString(folder.resolve("devices.json"),
          TtsJson.instance().toJson(badId) + "\n" + TtsJson.instance().toJson(named) + "\n");

      CliRun.Result result = tts.run("import", file.toString(), "--continue-on-error");

      assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains(ESCAPED), result.toString());
      assertTerminalSafe(result);
      assertEquals(HOSTILE, result.onlyDevice().getName());
      assertTrue(result.stdout().contains(json(HOSTILE)), result.stdout());
      assertJsonEscaped(result);
      assertEquals(HOSTILE, tts.inTarget(org.ttnlw.migrate.tts.TtsServer.IDENTITY_SERVER,
          "my-device").getName());
    }
  }

  @Test
  void aChirpStackDeviceNameAndTags() throws Exception {
    try (ChirpStackSimulator simulator = ChirpStackSimulator.builder().adminKey(CliRun.API_KEY)
        .tls(true).start()) {
      SampleChirpStack.seed(simulator);
      simulator.putDevice(SampleChirpStack.device(1, SampleChirpStack.OTAA_PROFILE)
          .setJoinEui("70b3d57ed0000001").setName(HOSTILE).setDescription(HOSTILE)
          .putTags(HOSTILE, HOSTILE).putVariables(HOSTILE, "v").build(),
          Optional.of(SampleChirpStack.keys(1)), Optional.empty());

      CliRun.Result result = CliRun.run(ChirpStackExportTest.environment(simulator), "",
          "chirpstack", "device", SampleChirpStack.devEui(1), "--dry-run", "--export-vars");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("variable \"" + ESCAPED + "\" left out"),
          result.toString());
      assertTerminalSafe(result);
      EndDevice device = result.onlyDevice();
      assertEquals(HOSTILE, device.getName());
      assertJsonEscaped(result);
    }
  }

  @Test
  void aFireflyNameAndRegion() throws Exception {
    try (FireflyFake firefly = new FireflyFake()) {
      firefly.device(FireflyFake.OTAA_EUI, FireflyFake.OTAA
              .replace("\"meter-1\"", json(HOSTILE)).replace("\"EU868\"", json(HOSTILE)))
          .uplinks(FireflyFake.OTAA_EUI, 1, 42);
      CliRun.Result result = CliRun.run(FireflyExportTest.environment(firefly), "", "firefly",
          "device", FireflyFake.OTAA_EUI);

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("region \"" + ESCAPED + "\""), result.toString());
      assertTerminalSafe(result);
      assertEquals(HOSTILE, result.onlyDevice().getName());
      assertJsonEscaped(result);
    }
  }

  @Test
  void aWanesyCell() throws Exception {
    String csv = WanesyExportTest.HEADER + "\n" + WanesyExportTest.OTAA_ROW
        .replace(",OTAA,", ",OTAA" + ONE_LINE + ",").replace(",Test,Test,", ",Test,"
            + ONE_LINE + ",") + "\n";
    Path file = Files.writeString(folder.resolve("devices.csv"), csv);

    CliRun.Result result = CliRun.run(Map.of("WANESY_CSV_PATH", file.toString(), "WANESY_APP_ID",
        "my-app", "WANESY_FREQUENCY_PLAN_ID", "EU_863_870"), "", "wanesy", "application", "--all",
        "--continue-on-error");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("activation \"OTAA" + ONE_LINE_ESCAPED + "\" is neither"),
        result.toString());
    assertTerminalSafe(result);
  }

  @Test
  void anAwsDeviceNameAndProfile() throws Exception {
    AwsTestSettings.install();
    String profile = AwsSamples.otaaProfile().replace("\"1.0.3\"", json("1.0.3" + HOSTILE));
    try (IotWirelessFake fake = new IotWirelessFake().putProfile(profile)
        .putDevice(AwsSamples.otaaDevice().replace("\"meter " + AwsSamples.OTAA_DEV_EUI + "\"",
            json(HOSTILE)))) {
      CliRun.Result result = CliRun.run(Map.of("AWSIOT_APP_ID", "my-app",
          "AWSIOT_FREQUENCY_PLAN_ID", "US_902_928_FSB_2", "AWSIOT_ENDPOINT_URL", fake.endpoint()),
          "", "awsiot", "device", AwsSamples.OTAA_ID);

      assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("MacVersion \"1.0.3" + ESCAPED + "\""),
          result.toString());
      assertTerminalSafe(result);
    }
  }
}
