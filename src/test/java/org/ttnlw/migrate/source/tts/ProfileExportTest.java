package org.ttnlw.migrate.source.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;
import org.ttnlw.migrate.proto.RxDelay;
import org.ttnlw.migrate.proto.RxDelayValue;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Exporting devices bound to MAC settings profiles (TTS 3.34.1 and later) from a simulated NS that
 * sends the binding at a field number each test picks, so that nothing depends on a guessed one.
 */
class ProfileExportTest {
  private TtsSimulator simulator;

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  private void start(TtsSimulator.Builder builder) throws Exception {
    simulator = builder.apiKey(CliRun.API_KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "bound-one", 1));
    simulator.put(SampleDevices.otaaWithSession("my-app", "bound-two", 2));
    simulator.put(SampleDevices.otaaWithSession("my-app", "own-settings", 3));
  }

  static MACSettingsProfile profile(String applicationId, String profileId, int classBSeconds) {
    return MACSettingsProfile.newBuilder()
        .setIds(MACSettingsProfileIdentifiers.newBuilder()
            .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId))
            .setProfileId(profileId))
        .setMacSettings(MACSettings.newBuilder()
            .setClassBTimeout(Duration.newBuilder().setSeconds(classBSeconds))
            .setRx1Delay(RxDelayValue.newBuilder().setValue(RxDelay.RX_DELAY_3))
            .setSupports32BitFCnt(BoolValue.newBuilder().setValue(true)))
        .build();
  }

  private Map<String, EndDevice> exported(CliRun.Result result) {
    return result.devices().stream()
        .collect(Collectors.toMap(device -> device.getIds().getDeviceId(), Function.identity()));
  }

  private long profileLists() {
    return simulator.calls().stream().filter(call -> call.server() == TtsServer.NETWORK_SERVER
        && call.method().equals("List")).count();
  }

  @ParameterizedTest
  @ValueSource(ints = {57, 58, 203})
  void boundDevicesCarryTheirProfilesSettingsInlineWhateverTheFieldNumber(int field)
      throws Exception {
    start(TtsSimulator.builder().profileFieldNumber(field));
    MACSettingsProfile profile = profile("my-app", "class-b-slow", 30);
    simulator.putProfile(profile);
    simulator.putProfile(profile("my-app", "unused", 5));
    simulator.bind("my-app", "bound-one", "class-b-slow");
    simulator.bind("my-app", "bound-two", "class-b-slow");

    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--ttnv3.no-session");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    Map<String, EndDevice> devices = exported(result);
    assertEquals(profile.getMacSettings(), devices.get("bound-one").getMacSettings());
    assertEquals(profile.getMacSettings(), devices.get("bound-two").getMacSettings());
    assertEquals(SampleDevices.otaaWithSession("my-app", "own-settings", 3).getMacSettings(),
        devices.get("own-settings").getMacSettings());
    assertFalse(result.stdout().contains("profile"), result.stdout());
    assertEquals(1, profileLists(), "profiles are listed once per application");
    assertEquals(List.of("ttn-lw-migrate: 2 devices bound to MAC settings profile"
            + " my-app/class-b-slow: exported with the profile's settings inline"),
        result.stderr().lines().filter(line -> line.contains("MAC settings profile")).toList(),
        result.stderr());
  }

  @Test
  void anApplicationWith120ProfilesIsReadPageByPage() throws Exception {
    start(TtsSimulator.builder().profileFieldNumber(61));
    for (int i = 0; i < 120; i++) {
      simulator.putProfile(profile("my-app", String.format("profile-%03d", i), i + 1));
    }
    simulator.bind("my-app", "bound-one", "profile-117");

    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "bound-one",
        "--ttnv3.no-session");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(Duration.newBuilder().setSeconds(118).build(),
        result.onlyDevice().getMacSettings().getClassBTimeout());
    assertEquals(2, profileLists(), "two pages of 100");
  }

  @Test
  void aNetworkServerOlderThanProfilesIsToldOnceAndExportsAsBefore() throws Exception {
    start(TtsSimulator.builder().predatingProfiles());

    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--ttnv3.no-session");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(3, result.devices().size());
    assertEquals(1, result.stderr().lines()
        .filter(line -> line.contains("predates MAC settings profiles")).count(),
        result.stderr());
  }

  @Test
  void aFieldTheToolDoesNotKnowIsNamedAndTheDeviceRefused() throws Exception {
    start(TtsSimulator.builder().profileFieldNumber(58));
    simulator.putProfile(profile("my-app", "class-b-slow", 30));
    simulator.bind("my-app", "bound-one", "class-b-slow");
    simulator.addUnknownNsField("my-app", "own-settings", 91, ByteString.copyFromUtf8("new"));

    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--ttnv3.no-session");

    assertTrue(result.exitCode() != ExitCodes.OK, result.toString());
    assertEquals(List.of("bound-one", "bound-two"), result.devices().stream()
        .map(device -> device.getIds().getDeviceId()).sorted().toList());
    assertTrue(result.stderr().lines().anyMatch(line -> line.contains("own-settings")
        && line.contains("field 91")), result.stderr());
  }

  @Test
  void aBoundDeviceWithAnotherUnknownFieldIsRefusedToo() throws Exception {
    start(TtsSimulator.builder().profileFieldNumber(58));
    simulator.putProfile(profile("my-app", "class-b-slow", 30));
    simulator.bind("my-app", "bound-one", "class-b-slow");
    simulator.addUnknownNsField("my-app", "bound-one", 92, ByteString.copyFromUtf8("new"));

    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "bound-one",
        "--ttnv3.no-session");

    assertTrue(result.exitCode() != ExitCodes.OK, result.toString());
    assertEquals("", result.stdout());
    assertTrue(result.stderr().contains("92"), result.stderr());
  }
}
