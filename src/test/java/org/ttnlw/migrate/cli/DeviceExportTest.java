package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceAuthenticationCode;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/** The migration guide's device commands, verbatim, against the simulator over TLS. */
class DeviceExportTest {
  private TtsSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 1));
    EndDevice abp = SampleDevices.abp("my-app", "abp-device", 2);
    simulator.put(abp, SampleDevices.servers(abp));
    simulator.put(SampleDevices.otaaNotJoined("my-app", "other-device", 3));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private static List<String> describe(List<CallInfo> calls) {
    return calls.stream().map(c -> c.server().shortName() + " " + c.method() + " " + c.deviceId()
        + (c.fieldMaskPaths().isEmpty() ? "" : " " + c.fieldMaskPaths())).toList();
  }

  @Test
  void otaaDeviceWithSessionKeepsItAndItsDownlinksAreDisabled() {
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals("my-device", device.getIds().getDeviceId());
    assertTrue(device.hasSession() && device.getSession().getKeys().hasAppSKey(),
        "AppSKey from the AS");
    assertTrue(device.getSession().getKeys().hasFNwkSIntKey(), "network keys from the NS");
    assertTrue(device.hasMacState());
    assertTrue(device.getRootKeys().hasAppKey(), "root keys from the JS");
    assertTrue(device.getNetworkServerAddress().isEmpty());
    assertTrue(device.getApplicationServerAddress().isEmpty());
    assertTrue(device.getJoinServerAddress().isEmpty());
    assertTrue(device.getIds().getDevAddr().isEmpty());
    assertEquals(List.of("NS Set my-device [mac_settings.schedule_downlinks]"),
        describe(simulator.writes()));
    assertFalse(simulator.stored(TtsServer.NETWORK_SERVER, "my-app", "my-device").orElseThrow()
        .getMacSettings().getScheduleDownlinks().getValue());
    assertTrue(result.stderr().contains("exported 1, downlinks disabled 1, deleted 0, skipped 0, failed 0"),
        result.stderr());
  }

  @Test
  void aSecondExportNeverCarriesTheDownlinksTheFirstOneDisabled() {
    CliRun.Result first = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device");
    assertEquals(ExitCodes.OK, first.exitCode(), first.toString());
    assertFalse(first.stdout().contains("schedule_downlinks"), first.stdout());

    CliRun.Result again = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
        "--ttnv3.no-session");

    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertFalse(again.onlyDevice().getMacSettings().hasScheduleDownlinks(), again.stdout());
    assertFalse(again.stdout().contains("schedule_downlinks"), again.stdout());
    assertEquals(1, again.stderr().lines()
        .filter(line -> line.contains("downlinks disabled at the source"))
        .count(), again.stderr());
    assertTrue(again.stderr().contains("ttn-lw-migrate: 1 device had downlinks disabled at the"
        + " source"), again.stderr());
    assertTrue(again.onlyDevice().getMacSettings().getSupports32BitFCnt().getValue(),
        "the other MAC settings are kept");
  }

  @Test
  void verboseLogsEachCallButNeverTheApiKey() {
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
        "--verbose");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("device my-app/my-device: NS Get ok in"), result.stderr());
    assertTrue(result.stderr().contains("NS Set ok in"), result.stderr());
  }

  @Test
  void readsEachServerWithOnlyItsAllowedPaths() {
    CliRun.run(simulator, "device", "--source", "ttnv3", "my-device", "--dry-run");

    List<CallInfo> gets = simulator.calls().stream()
        .filter(call -> !call.method().equals("ListRights")).toList();
    assertEquals(4, gets.size(), gets.toString());
    for (CallInfo get : gets) {
      assertEquals("Get", get.method());
      assertFalse(get.fieldMaskPaths().contains("claim_authentication_code"), get.toString());
    }
  }

  @Test
  void otaaDeviceWithoutSession() {
    CliRun.Result result = CliRun.run(simulator,
        "device", "--source", "ttnv3", "my-device", "--ttnv3.no-session");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertFalse(device.hasSession());
    assertFalse(device.hasMacState());
    assertFalse(device.hasActivatedAt());
    assertFalse(device.hasLastSeenAt());
    assertTrue(device.getRootKeys().hasAppKey());
    assertTrue(device.getSupportsJoin());
    assertEquals(1, simulator.writes().size());
  }

  @Test
  void abpDeviceWithoutSessionKeepsDevAddrAndKeysAndResetsFrameCounters() {
    CliRun.Result result = CliRun.run(simulator,
        "device", "--source", "ttnv3", "abp-device", "--ttnv3.no-session");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    EndDevice stored = SampleDevices.abp("my-app", "abp-device", 2);
    assertEquals(stored.getSession().getDevAddr(), device.getSession().getDevAddr());
    assertEquals(stored.getSession().getKeys(), device.getSession().getKeys());
    assertEquals(0, device.getSession().getLastFCntUp());
    assertTrue(device.getMacSettings().getResetsFCnt().getValue());
    assertFalse(result.stderr().contains("Join Server"),
        "an ABP device is absent from the Join Server by design: " + result.stderr());
  }

  @Test
  void dryRunMakesNoWriteCall() {
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
        "abp-device", "--dry-run", "--ttnv3.delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(2, result.devices().size());
    assertEquals(List.of(), simulator.writes());
    assertTrue(result.stderr().contains("will NOT be deleted"), result.stderr());
    assertTrue(simulator.stored(TtsServer.IDENTITY_SERVER, "my-app", "my-device").isPresent());
  }

  @Test
  void deleteSourceDeviceDeletesOnAsNsJsThenIsAndToleratesAbsence() {
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "abp-device",
        "--ttnv3.delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(1, result.devices().size(), "written before it was deleted");
    assertEquals(List.of("AS Delete abp-device", "NS Delete abp-device", "JS Delete abp-device",
        "IS Delete abp-device"), describe(simulator.writes()));
    for (TtsServer server : TtsServer.values()) {
      assertTrue(simulator.stored(server, "my-app", "abp-device").isEmpty(), server.name());
    }
    assertTrue(result.stderr().contains("exported 1, downlinks disabled 0, deleted 1"), result.stderr());
  }

  @Test
  void missingDeviceStopsTheRunAfterFinishingTheOnesBefore() {
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3",
        "my-device", "missing-device", "other-device", "--concurrency", "1");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertEquals(List.of("my-device"),
        result.devices().stream().map(d -> d.getIds().getDeviceId()).toList());
    assertTrue(result.stderr().contains("device my-app/missing-device: IS Get at "
        + simulator.address() + " failed: NOT_FOUND"), result.stderr());
    assertTrue(result.stderr().contains("correlation_id"), result.stderr());
    assertEquals(List.of("NS Set my-device [mac_settings.schedule_downlinks]"),
        describe(simulator.writes()), "nothing after the failure is touched");
  }

  @Test
  void claimAuthenticationCodesOnlyWhenAsked() {
    EndDevice withCac = SampleDevices.otaaNotJoined("my-app", "cac-device", 4).toBuilder()
        .setClaimAuthenticationCode(EndDeviceAuthenticationCode.newBuilder().setValue("SECRET1"))
        .build();
    simulator.put(withCac);

    EndDevice plain = CliRun.run(simulator, "device", "--source", "ttnv3", "cac-device",
        "--dry-run").onlyDevice();
    EndDevice asked = CliRun.run(simulator, "device", "--source", "ttnv3", "cac-device",
        "--dry-run", "--ttnv3.export-cacs").onlyDevice();

    assertFalse(plain.hasClaimAuthenticationCode());
    assertEquals("SECRET1", asked.getClaimAuthenticationCode().getValue());
  }

  @Test
  void prefixChangesTheIdAndKeepsTheOldOne() {
    EndDevice device = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
        "--dev-id-prefix", "cloud", "--dry-run").onlyDevice();

    assertEquals("cloud-my-device", device.getIds().getDeviceId());
    assertEquals("my-device", device.getAttributesOrThrow("old-id"));
  }

  @Test
  void idTooLongWithPrefixIsAnErrorNamingTheDevice() {
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
        "--dev-id-prefix", "a-very-long-prefix-for-all-of-these", "--dry-run");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("device my-app/my-device: new device ID"), result.stderr());
    assertEquals("", result.stdout());
  }

  @Test
  void createdAtIsTheEarliestAndUpdatedAtTheLatest() {
    EndDevice device = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
        "--dry-run").onlyDevice();
    EndDevice stored = SampleDevices.otaaWithSession("my-app", "my-device", 1);
    assertEquals(stored.getCreatedAt(), device.getCreatedAt());
    assertTrue(Instant.ofEpochSecond(device.getUpdatedAt().getSeconds())
        .compareTo(Instant.ofEpochSecond(device.getCreatedAt().getSeconds())) >= 0);
  }

  @Test
  void environmentPrefixTtsWorksAndFlagsWinOverEnvironment() {
    Map<String, String> environment = CliRun.environment(simulator);
    environment.remove("TTNV3_APP_ID");
    environment.put("TTS_APP_ID", "wrong-app");

    CliRun.Result viaTts = CliRun.run(environment, "", "device", "--source", "ttnv3", "my-device",
        "--ttnv3.app-id", "my-app", "--dry-run");
    environment.put("TTS_APP_ID", "my-app");
    CliRun.Result viaEnvironment = CliRun.run(environment, "", "device", "--source", "ttnv3",
        "my-device", "--dry-run");

    assertEquals(ExitCodes.OK, viaTts.exitCode(), viaTts.toString());
    assertEquals(ExitCodes.OK, viaEnvironment.exitCode(), viaEnvironment.toString());
  }
}
