package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.chirpstack.proto.Device;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.sim.firefly.FireflyFake;
import org.ttnlw.migrate.source.chirpstack.ChirpStackExportTest;
import org.ttnlw.migrate.source.firefly.FireflyExportTest;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * {@code migrate} works for every source the same way: ChirpStack, Firefly and Wanesy devices go
 * into a TTS target, are verified there, and only then is the source told.
 */
class SourcesMigrateTest {
  private static final String TARGET_KEY = "NNSXS.SOURCES-TARGET-KEY";
  private TtsSimulator target;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    target = TtsSimulator.builder().apiKey(TARGET_KEY).tls(true).start();
    target.addApplication("new-app");
  }

  @AfterEach
  void stop() {
    target.close();
  }

  private Map<String, String> withTarget(Map<String, String> source) {
    Map<String, String> environment = new HashMap<>(source);
    environment.put("TARGET_DEFAULT_GRPC_ADDRESS", target.address());
    environment.put("TARGET_APP_API_KEY", TARGET_KEY);
    environment.put("TARGET_CA_FILE", target.caFile().toString());
    environment.put("TARGET_APP_ID", "new-app");
    return environment;
  }

  private CliRun.Result run(Map<String, String> source, String... args) {
    CliRun.Result result = CliRun.run(withTarget(source), "", args);
    assertFalse(result.stdout().contains(TARGET_KEY) || result.stderr().contains(TARGET_KEY),
        result.toString());
    return result;
  }

  private void assertInTarget(String deviceId) {
    for (TtsServer server : new TtsServer[] {TtsServer.IDENTITY_SERVER,
        TtsServer.NETWORK_SERVER, TtsServer.APPLICATION_SERVER}) {
      assertTrue(target.stored(server, "new-app", deviceId).isPresent(), deviceId + " on "
          + server.shortName());
    }
  }

  @Test
  void chirpStackDevicesAreDisabledThereOnlyAfterTheTargetHoldsThem() throws Exception {
    try (ChirpStackSimulator chirpstack = ChirpStackSimulator.builder().adminKey(CliRun.API_KEY)
        .tls(true).start()) {
      SampleChirpStack.seed(chirpstack);
      SampleChirpStack.putJoinedOtaa(chirpstack, 1);
      String devEui = SampleChirpStack.devEui(1);

      CliRun.Result result = run(ChirpStackExportTest.environment(chirpstack), "chirpstack",
          "migrate", "device", devEui);

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertInTarget("eui-" + devEui.toLowerCase());
      assertTrue(target.stored(TtsServer.JOIN_SERVER, "new-app", "eui-" + devEui.toLowerCase())
          .orElseThrow().getRootKeys().hasAppKey());
      assertTrue(chirpstack.device(devEui).orElseThrow().getIsDisabled());
    }
  }

  @Test
  void undoOfAChirpStackMigrationPutsIsDisabledBackAsItWas() throws Exception {
    try (ChirpStackSimulator chirpstack = ChirpStackSimulator.builder().adminKey(CliRun.API_KEY)
        .tls(true).start()) {
      SampleChirpStack.seed(chirpstack);
      SampleChirpStack.putJoinedOtaa(chirpstack, 1);
      SampleChirpStack.putJoinedOtaa(chirpstack, 2);
      String enabled = SampleChirpStack.devEui(1);
      String disabled = SampleChirpStack.devEui(2);
      chirpstack.putDevice(chirpstack.device(disabled).orElseThrow().toBuilder()
          .setIsDisabled(true).build(), Optional.of(SampleChirpStack.keys(2)), Optional.empty());
      Map<String, Device> before = Map.of(enabled, chirpstack.device(enabled).orElseThrow(),
          disabled, chirpstack.device(disabled).orElseThrow());
      Map<String, String> environment = ChirpStackExportTest.environment(chirpstack);
      String state = folder.resolve("chirpstack.state").toString();
      assertEquals(ExitCodes.OK, run(environment, "chirpstack", "migrate", "device", enabled,
          disabled, "--state", state).exitCode());
      assertTrue(chirpstack.device(enabled).orElseThrow().getIsDisabled());

      CliRun.Result result = run(environment, "undo", "--source", "chirpstack", "--state",
          state);

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("undone 2, left alone 0, failed 0"), result.stderr());
      before.forEach((devEui, device) ->
          assertEquals(device, chirpstack.device(devEui).orElseThrow(), devEui));
      before.keySet().forEach(devEui -> assertFalse(target.stored(TtsServer.IDENTITY_SERVER,
          "new-app", "eui-" + devEui.toLowerCase()).isPresent(), devEui));
    }
  }

  @Test
  void undoReCreatesChirpStackDevicesTheMigrationDeletedWithTheirKeysAndActivation()
      throws Exception {
    try (ChirpStackSimulator chirpstack = ChirpStackSimulator.builder().adminKey(CliRun.API_KEY)
        .tls(true).start()) {
      SampleChirpStack.seed(chirpstack);
      SampleChirpStack.putJoinedOtaa(chirpstack, 1);
      String otaa = SampleChirpStack.devEui(1);
      String abp = SampleChirpStack.devEui(3);
      chirpstack.putDevice(SampleChirpStack.device(3, SampleChirpStack.ABP_PROFILE).build(),
          Optional.empty(), Optional.of(SampleChirpStack.activation10(3, 12, 4)));
      Map<String, List<Object>> before = Map.of(otaa, whole(chirpstack, otaa),
          abp, whole(chirpstack, abp));
      Map<String, String> environment = ChirpStackExportTest.environment(chirpstack);
      String state = folder.resolve("chirpstack.state").toString();
      CliRun.Result migrated = run(environment, "migrate", "device", "--source", "chirpstack",
          otaa, abp, "--state", state, "--chirpstack.delete-source-device");
      assertEquals(ExitCodes.OK, migrated.exitCode(), migrated.toString());
      assertTrue(chirpstack.device(otaa).isEmpty(), "deleted at the source");

      CliRun.Result result = run(environment, "undo", "--source", "chirpstack", "--state",
          state);

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stdout().contains("re-created at the source from the journal's copy,"
          + " and read back"), result.stdout());
      before.forEach((devEui, whole) -> assertEquals(whole, whole(chirpstack, devEui), devEui));
      before.keySet().forEach(devEui -> assertFalse(target.stored(TtsServer.IDENTITY_SERVER,
          "new-app", "eui-" + devEui.toLowerCase()).isPresent(), devEui));
    }
  }

  /** The AppKey, NwkSKey and AppSKey Firefly holds for the device. */
  private static List<String> keysHeld(FireflyFake firefly, String eui) {
    JsonNode device = firefly.held(eui);
    return List.of(device.path("application_key").asText(),
        device.path("network_session_key").asText(),
        device.path("application_session_key").asText());
  }

  /** The device, its keys and its activation, as ChirpStack holds them. */
  private static List<Object> whole(ChirpStackSimulator chirpstack, String devEui) {
    return List.of(chirpstack.device(devEui), chirpstack.keys(devEui),
        chirpstack.activation(devEui));
  }

  @Test
  void fireflyDevicesMigrateAndKeysAreInvalidatedOnlyWhenAsked() {
    try (FireflyFake firefly = new FireflyFake().sampleDevices()) {
      Map<String, String> environment = FireflyExportTest.environment(firefly);

      CliRun.Result result = run(environment, "migrate", "device", "--source", "firefly",
          FireflyFake.OTAA_EUI, FireflyFake.ABP_EUI, "--firefly.invalidate-keys");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertInTarget(FireflyFake.OTAA_EUI.toLowerCase());
      assertInTarget(FireflyFake.ABP_EUI.toLowerCase());
      assertFalse(result.stderr().contains(FireflyFake.API_KEY), result.stderr());
      assertEquals(1, firefly.putsTo(FireflyFake.OTAA_EUI).size(), "keys invalidated once");
      assertEquals(List.of("000102030405060708090a0b0c0d0e10", "101112131415161718191a1b1c1d1e20",
          "202122232425262728292a2b2c2d2e00"), keysHeld(firefly, FireflyFake.OTAA_EUI));
    }
  }

  @Test
  void aSecondRunWithoutJournalLeavesTheTargetsKeysAndInvalidatesNothingMore() {
    try (FireflyFake firefly = new FireflyFake().sampleDevices()) {
      Map<String, String> environment = FireflyExportTest.environment(firefly);
      String[] migrate = {"migrate", "device", "--source", "firefly", FireflyFake.OTAA_EUI,
          "--firefly.invalidate-keys"};
      assertEquals(ExitCodes.OK, run(environment, migrate).exitCode());
      JsonNode invalidated = firefly.held(FireflyFake.OTAA_EUI);
      Optional<EndDevice> moved = target.stored(TtsServer.JOIN_SERVER, "new-app",
          FireflyFake.OTAA_EUI.toLowerCase());

      // The same command again, with no --state to say the device is done: Firefly now holds
      // invalidated keys, and the target the ones the device uses.
      CliRun.Result again = run(environment, migrate);

      assertEquals(ExitCodes.EXPORT_FAILED, again.exitCode(), again.toString());
      assertTrue(again.stderr().contains("is already in the target and differs in"
          + " root_keys.app_key.key (a secret"), again.stderr());
      assertTrue(again.stderr().contains("an earlier run may have invalidated its keys at the"
          + " source, and then the target holds the ones the device uses: check which are right"
          + " before you overwrite the target's with --target.update-existing"), again.stderr());
      assertEquals(moved, target.stored(TtsServer.JOIN_SERVER, "new-app",
          FireflyFake.OTAA_EUI.toLowerCase()), "the target keeps the keys the device uses");
      assertEquals(invalidated, firefly.held(FireflyFake.OTAA_EUI), "no second invalidation");
      assertEquals(1, firefly.putsTo(FireflyFake.OTAA_EUI).size());
    }
  }

  @Test
  void fireflyKeysInvalidatedByAMigrationAreRestoredByUndo() {
    try (FireflyFake firefly = new FireflyFake().sampleDevices()) {
      Map<String, String> environment = FireflyExportTest.environment(firefly);
      String state = folder.resolve("firefly.state").toString();
      CliRun.Result migrated = run(environment, "migrate", "device", "--source", "firefly",
          FireflyFake.OTAA_EUI, FireflyFake.ABP_EUI, "--firefly.invalidate-keys", "--state",
          state);
      assertEquals(ExitCodes.OK, migrated.exitCode(), migrated.toString());

      CliRun.Result result = run(environment, "undo", "--source", "firefly", "--state", state);

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stdout().contains("my-app/" + FireflyFake.OTAA_EUI.toLowerCase()
          + ": deleted from the target (new-app/" + FireflyFake.OTAA_EUI.toLowerCase()
          + "); restored at the source"), result.stdout());
      assertEquals(List.of("{\"device\":{\"application_key\":"
              + "\"000102030405060708090a0b0c0d0e10\",\"application_session_key\":"
              + "\"202122232425262728292a2b2c2d2e00\",\"network_session_key\":"
              + "\"101112131415161718191a1b1c1d1e20\"}}",
          "{\"device\":{\"application_key\":\"000102030405060708090A0B0C0D0E0F\","
              + "\"application_session_key\":\"202122232425262728292a2b2c2d2eff\","
              + "\"network_session_key\":\"101112131415161718191a1b1c1d1e1f\"}}"),
          firefly.putsTo(FireflyFake.OTAA_EUI), "invalidated, then put back as they were");
      assertEquals(List.of("000102030405060708090A0B0C0D0E0F", "101112131415161718191a1b1c1d1e1f",
          "202122232425262728292a2b2c2d2eff"), keysHeld(firefly, FireflyFake.OTAA_EUI),
          "Firefly holds the device's own keys again");
      assertFalse(target.stored(TtsServer.IDENTITY_SERVER, "new-app",
          FireflyFake.OTAA_EUI.toLowerCase()).isPresent());
      String keys = "202122232425262728292a2b2c2d2eff";
      assertFalse(result.stdout().contains(keys) || result.stderr().contains(keys)
          || result.stderr().contains(FireflyFake.API_KEY), result.toString());
    }
  }

  @Test
  void wanesyDevicesMigrateAndWmcIsLeftAsItIs() throws Exception {
    Path csv = folder.resolve("devices.csv");
    try (InputStream in = getClass().getResourceAsStream(
        "/org/ttnlw/migrate/sim/wanesy/two-devices.csv")) {
      Files.write(csv, in.readAllBytes());
    }
    Map<String, String> environment = Map.of("WANESY_CSV_PATH", csv.toString(),
        "WANESY_APP_ID", "my-app", "WANESY_FREQUENCY_PLAN_ID", "EU_863_870");

    CliRun.Result result = run(environment, "wanesy", "migrate", "application", "--all");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(2, result.devices().size(), result.toString());
    result.devices().forEach(device -> assertInTarget(device.getIds().getDeviceId()));
    assertTrue(result.stderr().contains("created 2"), result.stderr());
  }
}
