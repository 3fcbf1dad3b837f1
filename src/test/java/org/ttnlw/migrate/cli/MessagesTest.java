package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.sim.TtsSimulator;

/** Messages that name the cause and the fix, each with the exit code docs/reliability.md gives. */
class MessagesTest {
  private static TtsSimulator start(boolean tls) throws Exception {
    return ConnectionTest.start(tls);
  }

  private static void assertNoStackTrace(CliRun.Result result) {
    assertFalse(result.stderr().contains("\tat ")
        || Pattern.compile("\\w\\.\\w+(Exception|Error)\\b").matcher(result.stderr()).find(),
        result.toString());
  }

  @Test
  void aMissingApplicationIdIsAConfigurationErrorNamingTheFlagAsTyped() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.remove("TTNV3_APP_ID");

      CliRun.Result prefixed = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device");
      CliRun.Result bare = CliRun.run(environment, "", "ttnv3", "device", "my-device");

      assertEquals(ExitCodes.USAGE, prefixed.exitCode(), prefixed.toString());
      assertTrue(prefixed.stderr().contains("set --ttnv3.app-id (or TTNV3_APP_ID)"),
          prefixed.toString());
      assertFalse(prefixed.stderr().contains("stopped"), prefixed.toString());
      assertEquals(ExitCodes.USAGE, bare.exitCode(), bare.toString());
      assertTrue(bare.stderr().contains("set --app-id (or TTNV3_APP_ID)"), bare.toString());
      assertEquals(List.of(), simulator.calls());
    }
  }

  @Test
  void anUnresolvableHostIsOneLineWithoutStackTraces() {
    CliRun.Result result = CliRun.run(Map.of("TTNV3_APP_ID", "my-app", "TTNV3_APP_API_KEY",
        CliRun.API_KEY), "", "device", "--source", "ttnv3", "my-device",
        "--ttnv3.default-grpc-address", "no-such-host.invalid:8884", "--retries", "1");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("Unable to resolve host no-such-host.invalid"),
        result.toString());
    assertNoStackTrace(result);
    assertEquals(1, result.stderr().lines().count(), "the pre-flight's one line: " + result);
  }

  @Test
  void theSummaryAfterAStopCountsTheFailedDevice() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
          "not-there");

      assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("stopped; exported 1, downlinks disabled 1,"
          + " deleted 0, skipped 0, failed 1"), result.toString());
    }
  }

  @Test
  void anUnknownCaNamesTheCaFileFlag() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.remove("TTNV3_CA_FILE");

      CliRun.Result prefixed = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device");
      CliRun.Result bare = CliRun.run(environment, "", "ttnv3", "device", "my-device");

      assertEquals(ExitCodes.USAGE, prefixed.exitCode(), prefixed.toString());
      assertTrue(prefixed.stderr().contains("not signed by a CA this machine trusts")
          && prefixed.stderr().contains("--ttnv3.ca-file"), prefixed.toString());
      assertTrue(bare.stderr().contains(" --ca-file"), bare.toString());
      assertNoStackTrace(prefixed);
    }
  }

  @Test
  void tlsAgainstAPlaintextServerSuggestsInsecure() throws Exception {
    try (TtsSimulator simulator = start(false)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.remove("TTNV3_INSECURE");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("does not speak TLS")
          && result.stderr().contains("--ttnv3.insecure"), result.toString());
      assertNoStackTrace(result);
    }
  }

  @Test
  void insecureAgainstATlsServerSaysTheServerWantsTls() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.remove("TTNV3_CA_FILE");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device", "--ttnv3.insecure", "--retries", "0");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("expects TLS")
          && result.stderr().contains("--ttnv3.insecure"), result.toString());
      assertNoStackTrace(result);
    }
  }

  @Test
  void aMistypedCommandGetsSuggestions() {
    CliRun.Result result = CliRun.run(Map.of(), "", "devcie", "my-device");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("unknown command \"devcie\"; did you mean device?"),
        result.toString());
  }

  @Test
  void noCommandListsThePerSourceCommandsToo() {
    CliRun.Result result = CliRun.run(Map.of(), "");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("ttnv3") && result.stderr().contains("chirpstack")
        && result.stderr().contains("device"), result.toString());
  }

  @Test
  void aLiveProgressLineIsClearedBeforeTheSummary() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.put(Io.PROGRESS, "live");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device", "--dry-run");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("\r\u001b[Kttn-lw-migrate: exported 1"),
          result.toString());
      assertEquals(1, result.devices().size());
    } finally {
      Logging.liveLine(false);
    }
  }

  @Test
  void emptyStdinIsAConfigurationErrorSayingWhatIsExpected() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      CliRun.Result result = CliRun.run(CliRun.environment(simulator), "\n  \n", "device",
          "--source", "ttnv3");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("no device IDs: give them as arguments, or one per"
          + " line on stdin"), result.toString());
      assertEquals(List.of(), simulator.writes());
    }
  }

  @Test
  void badIdsOnStdinAreAllListedBeforeAnythingIsExportedOrChanged() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      String stdin = "my-device\r\n\r\nnot valid!\r\n  my-device  \nBad_ID\n"
          + "x".repeat(5000) + "\n";
      for (List<String> command : List.of(List.of("device", "--source", "ttnv3"),
          List.of("ttnv3", "device"))) {
        CliRun.Result result = CliRun.run(CliRun.environment(simulator), stdin,
            command.toArray(String[]::new));

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertEquals("", result.stdout(), result.toString());
        assertTrue(result.stderr().contains("3 invalid device IDs on stdin; nothing was exported"
            + " or changed:\n  stdin line 3: \"not valid!\" is not a valid device ID: "),
            result.toString());
        assertTrue(result.stderr().contains("\n  stdin line 5: \"Bad_ID\" is not a valid device"
            + " ID: "), result.toString());
        assertTrue(result.stderr().contains("\n  stdin line 6: not a device ID (5000"
            + " characters)"), result.toString());
        assertFalse(result.stderr().contains("stdin line 1:"), result.toString());
        assertEquals(List.of(), simulator.calls(), "nothing asked of the source");
      }
    }
  }

  @Test
  void anApplicationCommandReadingATerminalSaysWhatItWaitsFor() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.put(ExportCommand.STDIN, "terminal");

      CliRun.Result result = CliRun.run(environment, "my-app\n", "application", "--source",
          "ttnv3", "--dry-run");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stderr().startsWith("ttn-lw-migrate: reading application IDs from stdin,"
          + " one per line; end with Ctrl-D"), result.toString());
    }
  }
}
