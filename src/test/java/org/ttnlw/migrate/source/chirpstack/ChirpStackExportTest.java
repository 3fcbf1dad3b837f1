package org.ttnlw.migrate.source.chirpstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.devEui;

import com.google.protobuf.util.Durations;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.proto.PayloadFormatter;
import org.ttnlw.migrate.proto.PingSlotPeriod;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackCall;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;

/** The ChirpStack source through the command line, against the simulator over TLS. */
public class ChirpStackExportTest {
  static final String TENANT_KEY = "tenant-key-do-not-log";
  private ChirpStackSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator = ChirpStackSimulator.builder().adminKey(CliRun.API_KEY)
        .tenantKey(TENANT_KEY, SampleChirpStack.TENANT).tls(true).start();
    SampleChirpStack.seed(simulator);
    SampleChirpStack.putJoinedOtaa(simulator, 1);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  public static Map<String, String> environment(ChirpStackSimulator simulator) {
    Map<String, String> environment = new HashMap<>();
    environment.put("CHIRPSTACK_API_URL", simulator.address());
    environment.put("CHIRPSTACK_API_KEY", CliRun.API_KEY);
    environment.put("CHIRPSTACK_CA_FILE", simulator.caFile().toString());
    return environment;
  }

  private CliRun.Result run(String... args) {
    CliRun.Result result = CliRun.run(environment(simulator), "", args);
    assertFalse(result.stderr().contains(TENANT_KEY), result.toString());
    return result;
  }

  private static String hex(com.google.protobuf.ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  private List<String> writes() {
    return simulator.writes().stream().map(ChirpStackCall::toString).toList();
  }

  @Test
  void bothCommandFormsExportTheSameOtaaDeviceAndDisableIt() {
    CliRun.Result perSource = run("chirpstack", "device", "0004A30B00000001", "--dry-run");
    CliRun.Result generic = CliRun.run(Map.of(), "", "device", "--source", "chirpstack",
        "--chirpstack.api-url", simulator.address(), "--chirpstack.api-key", CliRun.API_KEY,
        "--chirpstack.ca-cert-path", simulator.caFile().toString(), devEui(1));

    assertEquals(ExitCodes.OK, perSource.exitCode(), perSource.toString());
    assertEquals(ExitCodes.OK, generic.exitCode(), generic.toString());
    assertEquals(perSource.stdout(), generic.stdout());
    EndDevice device = generic.onlyDevice();
    assertEquals("eui-0004a30b00000001", device.getIds().getDeviceId());
    assertEquals("chirpstack-0123456789ab", device.getIds().getApplicationIds().getApplicationId());
    assertEquals("0004a30b00000001", hex(device.getIds().getDevEui()));
    assertEquals("70b3d57ed0000001", hex(device.getIds().getJoinEui()));
    assertEquals("device 1", device.getName());
    assertEquals("sample device 1", device.getDescription());
    assertEquals(Map.of("chirpstack-application-id", SampleChirpStack.APPLICATION,
        "chirpstack-device-profile-id", SampleChirpStack.OTAA_PROFILE,
        "chirpstack-device-profile-name", "Temperature sensor"), device.getAttributesMap());
    assertEquals("EU_863_870", device.getFrequencyPlanId());
    assertEquals(MACVersion.MAC_V1_0_3, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_0_3_REV_A, device.getLorawanPhyVersion());
    assertTrue(device.getSupportsJoin());
    assertEquals(SampleChirpStack.hexKey("nwk", 1), hex(device.getRootKeys().getAppKey().getKey()),
        "LoRaWAN 1.0.x: ChirpStack's nwk_key is the AppKey");
    assertFalse(device.getRootKeys().hasNwkKey());
    assertFalse(device.hasSession(), "OTAA sessions only with --export-session");
    assertEquals(List.of("DeviceService/Update 0004a30b00000001"), writes());
    assertTrue(simulator.device(devEui(1)).orElseThrow().getIsDisabled());
    assertTrue(generic.stderr().contains("exported 1, disabled 1, deleted 0"), generic.stderr());
  }

  @Test
  void javascriptCodecBecomesTtsFormattersAndReadingVariablesIsWarnedAbout() {
    EndDevice device = run("chirpstack", "device", devEui(1), "--dry-run").onlyDevice();
    assertEquals(PayloadFormatter.FORMATTER_JAVASCRIPT, device.getFormatters().getUpFormatter());
    assertEquals(SampleChirpStack.SCRIPT, device.getFormatters().getUpFormatterParameter());
    assertEquals(PayloadFormatter.FORMATTER_JAVASCRIPT, device.getFormatters().getDownFormatter());
    assertEquals(SampleChirpStack.SCRIPT, device.getFormatters().getDownFormatterParameter());

    simulator.putProfile(SampleChirpStack.profile(SampleChirpStack.OTAA_PROFILE, "Uses vars",
            org.ttnlw.migrate.chirpstack.proto.Region.EU868, "eu868",
            org.ttnlw.migrate.chirpstack.proto.MacVersion.LORAWAN_1_0_3,
            org.ttnlw.migrate.chirpstack.proto.RegParamsRevision.A, true)
        .setPayloadCodecRuntime(org.ttnlw.migrate.chirpstack.proto.CodecRuntime.JS)
        .setPayloadCodecScript("function decodeUplink(input) { return { data: { k: input.variables.k } }; }")
        .build());
    CliRun.Result result = run("chirpstack", "device", devEui(1), "--dry-run");
    assertTrue(result.stderr().contains("device 0004a30b00000001: its codec script reads"
        + " input.variables"), result.stderr());
    assertEquals(ExitCodes.OK, result.exitCode());
  }

  @Test
  void otaaSessionWithExportSessionConvertsNextCountersToLastOnes() {
    EndDevice device = run("chirpstack", "device", devEui(1), "--export-session", "--dry-run")
        .onlyDevice();
    Session session = device.getSession();
    assertEquals("26000001", hex(session.getDevAddr()));
    assertEquals(10, session.getLastFCntUp(), "next expected uplink 11: last was 10");
    assertEquals(3, session.getLastNFCntDown());
    assertEquals(3, session.getLastAFCntDown(), "LoRaWAN 1.0.x has one down counter");
    assertEquals(SampleChirpStack.hexKey("nwks", 1), hex(session.getKeys().getFNwkSIntKey().getKey()));
    assertFalse(session.getKeys().hasSNwkSIntKey() || session.getKeys().hasNwkSEncKey());
    assertEquals(SampleChirpStack.hexKey("apps", 1), hex(session.getKeys().getAppSKey().getKey()));
  }

  @Test
  void countersThatWereNeverUsedStayZero() {
    simulator.putDevice(SampleChirpStack.device(2, SampleChirpStack.ABP_PROFILE).build(),
        Optional.empty(), Optional.of(SampleChirpStack.activation10(2, 0, 0)));
    Session session = run("chirpstack", "device", devEui(2), "--dry-run").onlyDevice().getSession();
    assertEquals(0, session.getLastFCntUp());
    assertEquals(0, session.getLastNFCntDown());
    assertEquals(0, session.getLastAFCntDown());
  }

  @Test
  void abpDeviceAlwaysHasItsSessionAndItsProfilesRxSettings() {
    simulator.putDevice(SampleChirpStack.device(2, SampleChirpStack.ABP_PROFILE)
            .setSkipFcntCheck(true).build(),
        Optional.empty(), Optional.of(SampleChirpStack.activation10(2, 100, 20)));
    EndDevice device = run("chirpstack", "device", devEui(2)).onlyDevice();
    assertFalse(device.getSupportsJoin());
    assertFalse(device.hasRootKeys());
    assertTrue(device.getIds().getJoinEui().isEmpty());
    assertEquals(MACVersion.MAC_V1_0_2, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_0_2_REV_B, device.getLorawanPhyVersion());
    assertEquals("EU_863_870", device.getFrequencyPlanId(), "EU868 without region config");
    assertEquals(99, device.getSession().getLastFCntUp());
    assertEquals(19, device.getSession().getLastNFCntDown());
    MACSettings mac = device.getMacSettings();
    assertEquals(5, mac.getRx1Delay().getValueValue());
    assertEquals(2, mac.getRx1DataRateOffset().getValueValue());
    assertEquals(3, mac.getRx2DataRateIndex().getValueValue());
    assertEquals(869_525_000, mac.getRx2Frequency().getValue());
    assertTrue(mac.getResetsFCnt().getValue(), "skip_fcnt_check");
    assertEquals(Durations.fromHours(24), mac.getStatusTimePeriodicity(), "once a day");
    assertEquals(List.of("DeviceService/Update " + devEui(2)), writes());
  }

  @Test
  void lorawan11DeviceHasBothRootKeysAndSeparateSessionKeys() {
    simulator.putDevice(SampleChirpStack.device(3, SampleChirpStack.V11_PROFILE)
            .setJoinEui("70b3d57ed0000003").build(),
        Optional.of(SampleChirpStack.keys(3)),
        Optional.of(SampleChirpStack.activation10(3, 5, 6).toBuilder()
            .setSNwkSIntKey(SampleChirpStack.hexKey("snwk", 3))
            .setFNwkSIntKey(SampleChirpStack.hexKey("fnwk", 3))
            .setAFCntDown(8).build()));
    EndDevice device = run("chirpstack", "device", devEui(3), "--export-session").onlyDevice();
    assertEquals(MACVersion.MAC_V1_1, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_1_REV_B, device.getLorawanPhyVersion());
    assertEquals("US_902_928_FSB_2", device.getFrequencyPlanId(), "us915_1");
    assertEquals(SampleChirpStack.hexKey("nwk", 3), hex(device.getRootKeys().getNwkKey().getKey()));
    assertEquals(SampleChirpStack.hexKey("app", 3), hex(device.getRootKeys().getAppKey().getKey()));
    Session session = device.getSession();
    assertEquals(SampleChirpStack.hexKey("fnwk", 3), hex(session.getKeys().getFNwkSIntKey().getKey()));
    assertEquals(SampleChirpStack.hexKey("snwk", 3), hex(session.getKeys().getSNwkSIntKey().getKey()));
    assertEquals(SampleChirpStack.hexKey("nwks", 3), hex(session.getKeys().getNwkSEncKey().getKey()));
    assertEquals(5, session.getLastNFCntDown());
    assertEquals(7, session.getLastAFCntDown());
    assertEquals(PayloadFormatter.FORMATTER_CAYENNELPP, device.getFormatters().getUpFormatter());
    assertEquals(PayloadFormatter.FORMATTER_CAYENNELPP, device.getFormatters().getDownFormatter());
  }

  @Test
  void classBAndCSettingsKeepTheirUnits() {
    simulator.putDevice(SampleChirpStack.device(4, SampleChirpStack.CLASS_B_C_PROFILE).build(),
        Optional.of(SampleChirpStack.keys(4)), Optional.empty());
    EndDevice device = run("chirpstack", "device", devEui(4), "--dry-run").onlyDevice();
    assertEquals(MACVersion.MAC_V1_0_4, device.getLorawanVersion());
    assertEquals(PHYVersion.RP002_V1_0_3, device.getLorawanPhyVersion());
    assertTrue(device.getSupportsClassB() && device.getSupportsClassC());
    MACSettings mac = device.getMacSettings();
    assertEquals(PingSlotPeriod.PING_EVERY_8S, mac.getPingSlotPeriodicity().getValue(), "2^3 s");
    assertEquals(3, mac.getPingSlotDataRateIndex().getValueValue());
    assertEquals(869_525_000, mac.getPingSlotFrequency().getValue());
    assertEquals(Durations.fromSeconds(12), mac.getClassBTimeout());
    assertEquals(Durations.fromSeconds(7), mac.getClassCTimeout());
    assertEquals(Durations.fromMinutes(30), mac.getStatusTimePeriodicity(), "48 times a day");
    assertEquals(0, mac.getStatusCountPeriodicity().getValue());
  }

  @Test
  void joinEuiOfTheDeviceWinsOverTheFlag() {
    simulator.putDevice(SampleChirpStack.device(5, SampleChirpStack.OTAA_PROFILE).build(),
        Optional.of(SampleChirpStack.keys(5)), Optional.empty());
    List<EndDevice> devices = run("chirpstack", "device", devEui(1), devEui(5),
        "--join-eui", "70B3D57ED000FFFF", "--dry-run").devices();
    assertEquals("70b3d57ed0000001", hex(devices.get(0).getIds().getJoinEui()));
    assertEquals("70b3d57ed000ffff", hex(devices.get(1).getIds().getJoinEui()));
  }

  @Test
  void frequencyPlanFlagOverridesTheTableButMustBeOfTheDevicesBand() {
    assertEquals("EU_863_870_TTN", run("chirpstack", "device", devEui(1), "--frequency-plan-id",
        "EU_863_870_TTN", "--dry-run").onlyDevice().getFrequencyPlanId());

    CliRun.Result wrongBand = run("chirpstack", "device", devEui(1), "--frequency-plan-id",
        "US_902_928_FSB_2", "--dry-run");
    assertEquals(ExitCodes.EXPORT_FAILED, wrongBand.exitCode(), wrongBand.toString());
    assertTrue(wrongBand.stderr().contains("device 0004a30b00000001: its region EU868 is band"
        + " EU_863_870, but frequency plan US_902_928_FSB_2 is for band US_902_928"),
        wrongBand.stderr());
    assertEquals("", wrongBand.stdout());

    CliRun.Result unknown = run("chirpstack", "device", devEui(1), "--frequency-plan-id", "EU_X");
    assertEquals(ExitCodes.USAGE, unknown.exitCode(), unknown.toString());
  }

  @Test
  void aRegionConfigWithoutPlanFailsTheDeviceAndSaysToPassTheFlag() {
    simulator.putProfile(SampleChirpStack.profile(SampleChirpStack.V11_PROFILE, "any sub-band",
        org.ttnlw.migrate.chirpstack.proto.Region.US915, "",
        org.ttnlw.migrate.chirpstack.proto.MacVersion.LORAWAN_1_0_3,
        org.ttnlw.migrate.chirpstack.proto.RegParamsRevision.A, true).build());
    simulator.putDevice(SampleChirpStack.device(3, SampleChirpStack.V11_PROFILE).build(),
        Optional.of(SampleChirpStack.keys(3)), Optional.empty());
    CliRun.Result result = run("chirpstack", "device", devEui(1), devEui(3),
        "--continue-on-error");
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals(1, result.devices().size());
    assertTrue(result.stderr().contains("device 0004a30b00000003: no TTS frequency plan is known"
        + " for its device profile's region US915 without a region configuration; pass"
        + " --frequency-plan-id"), result.stderr());
    assertEquals(List.of("DeviceService/Update " + devEui(1)), writes(), "the failed one is kept");
  }

  @Test
  void tagsAreAttributesAndVariablesOnlyWhenAsked() {
    simulator.putDevice(SampleChirpStack.device(6, SampleChirpStack.OTAA_PROFILE)
            .putTags("building", "north").putVariables("api_token", "s3cret").build(),
        Optional.of(SampleChirpStack.keys(6)), Optional.empty());
    EndDevice plain = run("chirpstack", "device", devEui(6), "--dry-run").onlyDevice();
    assertEquals("north", plain.getAttributesOrThrow("building"));
    assertFalse(plain.containsAttributes("api-token"));
    EndDevice withVars = run("chirpstack", "device", devEui(6), "--export-vars", "--dry-run")
        .onlyDevice();
    assertEquals("s3cret", withVars.getAttributesOrThrow("api-token"));
  }

  @Test
  void neverJoinedOtaaDeviceIsExportedWithoutSessionAndSaysSo() {
    simulator.putDevice(SampleChirpStack.device(7, SampleChirpStack.OTAA_PROFILE).build(),
        Optional.of(SampleChirpStack.keys(7)), Optional.empty());
    CliRun.Result result = run("chirpstack", "device", devEui(7), devEui(1), "--export-session");
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(2, result.devices().size());
    assertFalse(result.devices().get(0).hasSession());
    assertTrue(result.devices().get(1).hasSession());
    assertTrue(result.stderr().contains("device 0004a30b00000007: never joined"), result.stderr());
  }

  @Test
  void noSessionAsksNoActivationOfOtaaAndResetsAbpCounters() {
    simulator.putDevice(SampleChirpStack.device(2, SampleChirpStack.ABP_PROFILE).build(),
        Optional.empty(), Optional.of(SampleChirpStack.activation10(2, 100, 20)));
    List<EndDevice> devices = run("chirpstack", "device", devEui(1), devEui(2), "--no-session",
        "--dry-run").devices();
    assertFalse(devices.get(0).hasSession());
    assertTrue(simulator.calls().stream().noneMatch(c -> c.method().endsWith("GetActivation")
        && c.target().equals(devEui(1))));
    Session abp = devices.get(1).getSession();
    assertEquals("26000002", hex(abp.getDevAddr()));
    assertEquals(0, abp.getLastFCntUp());
    assertTrue(devices.get(1).getMacSettings().getResetsFCnt().getValue());
    assertEquals(ExitCodes.USAGE,
        run("chirpstack", "device", devEui(1), "--no-session", "--export-session").exitCode());
  }

  @Test
  void deleteSourceDeviceDeletesAndReRunsAreSafe() {
    CliRun.Result deleted = run("chirpstack", "device", devEui(1), "--delete-source-device");
    assertEquals(ExitCodes.OK, deleted.exitCode(), deleted.toString());
    assertEquals(List.of("DeviceService/Delete " + devEui(1)), writes());
    assertTrue(simulator.device(devEui(1)).isEmpty());
    assertTrue(deleted.stderr().contains("deleted 1"), deleted.stderr());
  }

  @Test
  void anAlreadyDisabledDeviceExportsTheSameAndIsNotTouchedAgain() {
    CliRun.Result first = run("chirpstack", "device", devEui(1));
    simulator.clearCalls();
    CliRun.Result second = run("chirpstack", "device", devEui(1));
    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    assertEquals(first.stdout(), second.stdout());
    assertEquals(List.of(), writes());
  }

  @Test
  void dryRunChangesNothing() {
    run("chirpstack", "device", devEui(1), "--dry-run", "--delete-source-device");
    assertEquals(List.of(), writes());
    assertFalse(simulator.device(devEui(1)).orElseThrow().getIsDisabled());
  }

  @Test
  void missingDeviceIsNamedForAdminAndTenantKeysAlike() {
    for (String key : List.of(CliRun.API_KEY, TENANT_KEY)) {
      Map<String, String> environment = environment(simulator);
      environment.put("CHIRPSTACK_API_KEY", key);
      CliRun.Result result = CliRun.run(environment, "", "chirpstack", "device", devEui(99));
      assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("device 0004a30b00000063: not found, or not visible to"
          + " this API key"), result.stderr());
    }
  }

  @Test
  void aDeviceOfAnotherTenantIsNotVisibleToATenantKey() {
    simulator.putDevice(SampleChirpStack.device(8, SampleChirpStack.OTAA_PROFILE)
        .setApplicationId(SampleChirpStack.OTHER_APPLICATION).build(), Optional.empty(),
        Optional.empty());
    Map<String, String> environment = environment(simulator);
    environment.put("CHIRPSTACK_API_KEY", TENANT_KEY);
    CliRun.Result result = CliRun.run(environment, "", "chirpstack", "device", devEui(8));
    assertTrue(result.stderr().contains("not found, or not visible to this API key"),
        result.stderr());
  }

  @Test
  void wrongKeyBadDevEuiAndUnreachableServerEachGetOneClearMessage() {
    Map<String, String> environment = environment(simulator);
    environment.put("CHIRPSTACK_API_KEY", "wrong-key");
    CliRun.Result wrongKey = CliRun.run(environment, "", "chirpstack", "device", devEui(1));
    assertEquals(ExitCodes.EXPORT_FAILED, wrongKey.exitCode(), wrongKey.toString());
    assertTrue(wrongKey.stderr().contains("UNAUTHENTICATED: InvalidSignature (check the API key)"),
        wrongKey.stderr());

    CliRun.Result badEui = run("chirpstack", "device", "0004a30b0000000g");
    assertEquals(ExitCodes.USAGE, badEui.exitCode(), badEui.toString());
    assertTrue(badEui.stderr().contains("16 hexadecimal digits"), badEui.stderr());

    Map<String, String> nowhere = environment(simulator);
    nowhere.put("CHIRPSTACK_API_URL", "localhost:1");
    CliRun.Result unreachable = CliRun.run(nowhere, "", "chirpstack", "device", devEui(1),
        "--retries", "0");
    assertEquals(ExitCodes.EXPORT_FAILED, unreachable.exitCode(), unreachable.toString());
    assertTrue(unreachable.stderr().contains("device 0004a30b00000001: ChirpStack DeviceService/Get"
        + " at localhost:1 failed: UNAVAILABLE"), unreachable.stderr());
  }

  @Test
  void aProfileThatCannotBeReadIsNamed() {
    simulator.putDevice(SampleChirpStack.device(9, "c1a2b3c4-0009-4000-8000-000000000009").build(),
        Optional.empty(), Optional.empty());
    CliRun.Result result = run("chirpstack", "device", devEui(9));
    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("device 0004a30b00000009: its device profile cannot be"
        + " read (device profile c1a2b3c4-0009-4000-8000-000000000009: ChirpStack"
        + " DeviceProfileService/Get"), result.stderr());
    assertEquals(List.of(), writes());
  }
}
