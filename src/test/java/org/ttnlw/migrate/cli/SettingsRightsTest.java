package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.SampleSettings;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * The import's rights pre-flight: before anything is written, the target key's rights on the
 * application (ApplicationAccess/ListRights) must cover every kind of item in the file; if not,
 * exit 2 naming the missing rights, and nothing is written.
 */
class SettingsRightsTest {
  /** What an import of every kind of item needs, per the facts; nothing more. */
  private static final Right[] ENOUGH = {Right.RIGHT_APPLICATION_INFO,
      Right.RIGHT_APPLICATION_SETTINGS_BASIC, Right.RIGHT_APPLICATION_TRAFFIC_READ,
      Right.RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE, Right.RIGHT_APPLICATION_SETTINGS_PACKAGES};

  @TempDir
  Path folder;

  private static List<CallInfo> changes(TtsSimulator target) {
    return target.calls().stream().filter(call -> call.isWrite()
        || call.method().equals("Create")).toList();
  }

  @Test
  void aKeyWithExactlyTheRightsTheFactsNameImportsEverything() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, TtsSimulator.builder().rights(ENOUGH))) {
      CliRun.Result result = two.run("import-application-settings",
          two.exportedSettings(folder).toString());

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("webhook my-hook: created"), result.toString());
      assertEquals("ListRights", two.target.calls().get(0).method());
    }
  }

  @Test
  void aKeyShortOfRightsIsRefusedNamingThemAndNothingIsWritten() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, TtsSimulator.builder().rights(
        Right.RIGHT_APPLICATION_INFO, Right.RIGHT_APPLICATION_SETTINGS_BASIC,
        Right.RIGHT_APPLICATION_TRAFFIC_READ))) {
      Path file = two.exportedSettings(folder);

      for (String dryRun : List.of("--dry-run", "--verbose")) {
        CliRun.Result result = two.run("import-application-settings", file.toString(), dryRun);

        assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("the target API key lacks"
            + " APPLICATION_TRAFFIC_DOWN_WRITE, APPLICATION_SETTINGS_PACKAGES on application "
            + TwoDeployments.TARGET_APP), result.toString());
        assertTrue(result.stderr().contains("webhooks need APPLICATION_TRAFFIC_READ,"
            + " APPLICATION_SETTINGS_BASIC, APPLICATION_TRAFFIC_DOWN_WRITE"), result.toString());
        assertTrue(result.stderr().contains("nothing was written"), result.toString());
      }
      assertTrue(changes(two.target).isEmpty(), changes(two.target).toString());
    }
  }

  @Test
  void aKeyWithoutAnyRightOnTheApplicationIsRefusedToo() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0,
        TtsSimulator.builder().rights(Right.RIGHT_GATEWAY_INFO))) {
      CliRun.Result result = two.run("import-application-settings",
          two.exportedSettings(folder).toString());

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("lacks APPLICATION_INFO, APPLICATION_SETTINGS_BASIC"),
          result.toString());
      assertTrue(changes(two.target).isEmpty(), changes(two.target).toString());
    }
  }

  @Test
  void migrateWithSettingsStopsBeforeAnyDeviceWhenTheKeyIsShort() throws IOException {
    try (TwoDeployments two = new TwoDeployments(1, TtsSimulator.builder().rights(
        Right.RIGHT_APPLICATION_INFO, Right.RIGHT_APPLICATION_SETTINGS_BASIC,
        Right.RIGHT_APPLICATION_TRAFFIC_READ, Right.RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE,
        Right.RIGHT_APPLICATION_DEVICES_WRITE))) {
      SampleSettings.put(two.source, "my-app");

      CliRun.Result result = two.run("ttnv3", "migrate", "application", "my-app",
          "--with-application-settings");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("lacks APPLICATION_SETTINGS_PACKAGES"),
          result.toString());
      assertTrue(changes(two.target).isEmpty(), changes(two.target).toString());
      assertFalse(two.anywhereInTarget("my-device"), result.toString());
    }
  }
}
