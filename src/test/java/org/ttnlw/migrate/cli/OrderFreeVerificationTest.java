package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Devices with several entries in their maps (attributes, locations, rejected data-rate ranges)
 * against simulators that, like TTS, answer map entries in a different order on every call: they
 * verify, are found equal when already there, and a real difference names the field with both
 * values (secrets only that they differ).
 */
class OrderFreeVerificationTest {
  private static final EndDevice MAPPED =
      SampleDevices.withMaps(SampleDevices.otaaWithSession("my-app", "my-device", 0));

  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(0);
  private Path exported;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    tts.source.put(MAPPED);
    CliRun.Result export = tts.run("application", "--source", "ttnv3", "my-app", "--dry-run");
    assertEquals(ExitCodes.OK, export.exitCode(), export.toString());
    assertTrue(export.stdout().contains("\"rejected_data_rate_ranges\""), export.stdout());
    assertEquals(MAPPED.getAttributesCount(), export.onlyDevice().getAttributesCount());
    exported = Files.writeString(folder.resolve("devices.json"), export.stdout());
  }

  @Test
  void aDeviceWithManyMapEntriesVerifiesEveryTimeAndIsThenAlreadyThere() throws Exception {
    EndDevice device = TtsJson.instance().merge(Files.readString(exported).strip(),
        EndDevice.newBuilder()).build();
    for (int i = 0; i < 10; i++) {
      // Each round a device of its own: the target keeps every DevEUI it has registered.
      EndDevice.Builder round = device.toBuilder();
      round.getIdsBuilder().setDeviceId("round-" + i).setDevEui(ByteString.fromHex(
          String.format("70B3D57ED00600%02X", i)));
      Path file = Files.writeString(folder.resolve("round-" + i + ".json"),
          TtsJson.instance().toJson(round) + "\n");

      CliRun.Result created = tts.run("import", file.toString());
      CliRun.Result again = tts.run("import", file.toString());

      assertEquals(ExitCodes.OK, created.exitCode(), "round " + i + "\n" + created);
      assertTrue(created.stderr().contains("(created 1)"), created.stderr());
      assertEquals(ExitCodes.OK, again.exitCode(), "round " + i + "\n" + again);
      assertTrue(again.stderr().contains("(already in the target 1)"), again.stderr());
    }
  }

  @Test
  void importOfWhatMigrateJustCreatedFindsItEqual() throws Exception {
    for (int index = 1; index <= 5; index++) {
      tts.source.put(SampleDevices.withMaps(
          SampleDevices.otaaWithSession("my-app", "device-" + index, index)));
    }
    CliRun.Result migrated = tts.run("migrate", "application", "--source", "ttnv3", "my-app");
    assertEquals(ExitCodes.OK, migrated.exitCode(), migrated.toString());
    Path output = Files.writeString(folder.resolve("migrated.json"), migrated.stdout());

    CliRun.Result imported = tts.run("import", output.toString());

    assertEquals(ExitCodes.OK, imported.exitCode(), imported.toString());
    assertTrue(imported.stderr().contains("(already in the target 6)"), imported.stderr());
    assertFalse(imported.stderr().contains("differs"), imported.stderr());
  }

  @Test
  void aRealDifferenceNamesTheFieldWithBothValues() {
    tts.target.put(inTarget(MAPPED.toBuilder().putAttributes("room", "kitchen").build()));

    CliRun.Result result = tts.run("import", exported.toString());

    assertNotEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("device new-app/my-device is already in the target and"
        + " differs in attributes (export {"), result.stderr());
    assertTrue(result.stderr().contains("differs in attributes (export {\"room\":"
        + "\"room-of-my-device\"}, target {\"room\":\"kitchen\"})"), result.stderr());
    assertFalse(result.stderr().contains("locations"), "equal maps are not named\n" + result);
  }

  @Test
  void aDifferingKeyIsNamedButNeitherKeyIsShown() {
    ByteString otherKey = ByteString.fromHex("00112233445566778899AABBCCDDEEFF");
    EndDevice.Builder differing = MAPPED.toBuilder();
    differing.getRootKeysBuilder().setAppKey(KeyEnvelope.newBuilder().setKey(otherKey));
    tts.target.put(inTarget(differing.build()));

    CliRun.Result result = tts.run("import", exported.toString());

    assertNotEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("differs in root_keys.app_key.key (a secret: export and"
        + " target differ, neither is shown)"), result.stderr());
    HexFormat hex = HexFormat.of();
    for (ByteString key : new ByteString[] {otherKey, MAPPED.getRootKeys().getAppKey().getKey()}) {
      assertFalse(result.stderr().toUpperCase().contains(hex.formatHex(key.toByteArray())
          .toUpperCase()), "a key was printed\n" + result);
      assertFalse(result.stderr().contains(java.util.Base64.getEncoder()
          .encodeToString(key.toByteArray())), "a key was printed\n" + result);
    }
  }

  /** The device as the target application holds it, its fields exactly as exported. */
  private EndDevice inTarget(EndDevice device) {
    EndDevice.Builder moved = device.toBuilder();
    moved.getIdsBuilder().setApplicationIds(
        ApplicationIdentifiers.newBuilder().setApplicationId(TwoDeployments.TARGET_APP));
    moved.setNetworkServerAddress("localhost").setApplicationServerAddress("localhost")
        .setJoinServerAddress("localhost");
    return moved.build();
  }
}
