package org.ttnlw.migrate.source.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.sim.awsiot.AwsSamples.ABP_DEV_EUI;
import static org.ttnlw.migrate.sim.awsiot.AwsSamples.ABP_ID;
import static org.ttnlw.migrate.sim.awsiot.AwsSamples.DESTINATION;
import static org.ttnlw.migrate.sim.awsiot.AwsSamples.OTAA_DEV_EUI;
import static org.ttnlw.migrate.sim.awsiot.AwsSamples.OTAA_ID;
import static org.ttnlw.migrate.sim.awsiot.AwsSamples.SIDEWALK_ID;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.sim.awsiot.AwsSamples;
import org.ttnlw.migrate.sim.awsiot.IotWirelessFake;

/**
 * The awsiot source through the CLI, with the real AWS SDK against the local IoT Wireless fake.
 * The SDK's credentials and region come from its system-property settings (the in-process
 * stand-ins of AWS_ACCESS_KEY_ID and AWS_REGION, which AwsEnvironmentTest covers).
 */
class AwsIotExportTest {
  private static final String OTHER_ID = "6a5e5b0c-4444-4c0e-9f00-000000000004";
  private IotWirelessFake fake;

  @BeforeAll
  static void awsSettings() {
    AwsTestSettings.install();
  }

  @BeforeEach
  void start() {
    fake = AwsSamples.seededFake();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("AWSIOT_APP_ID", "my-app");
    environment.put("AWSIOT_FREQUENCY_PLAN_ID", "US_902_928_FSB_2");
    environment.put("AWSIOT_ENDPOINT_URL", fake.endpoint());
    return environment;
  }

  private CliRun.Result run(String... args) {
    return run(environment(), args);
  }

  private static CliRun.Result run(Map<String, String> environment, String... args) {
    CliRun.Result result = CliRun.run(environment, "", args);
    assertFalse(result.stdout().contains(IotWirelessFake.SECRET_KEY)
        || result.stderr().contains(IotWirelessFake.SECRET_KEY), "secret printed\n" + result);
    return result;
  }

  private void addOtaaDevices(int count, String destination) {
    for (int i = 0; i < count; i++) {
      fake.putDevice(AwsSamples.otaaDevice(String.format("6a5e5b0c-5555-4c0e-9f00-%012d", i),
          String.format("A8404100018200%02X", i), destination));
    }
  }

  @Test
  void perSourceFormExportsAnOtaaDeviceAndLeavesAwsAlone() {
    CliRun.Result result = run("awsiot", "device", OTAA_ID);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals("eui-a84041000181c61a", device.getIds().getDeviceId());
    assertEquals("my-app", device.getIds().getApplicationIds().getApplicationId());
    assertEquals(OTAA_ID, device.getAttributesOrThrow("aws-wireless-device-id"));
    assertEquals(DESTINATION, device.getAttributesOrThrow("aws-destination-name"));
    assertEquals("thing-" + OTAA_DEV_EUI, device.getAttributesOrThrow("aws-thing-name"));
    assertEquals("meter " + OTAA_DEV_EUI, device.getName());
    assertEquals("basement", device.getDescription());
    assertTrue(device.getSupportsJoin());
    assertEquals(MACVersion.MAC_V1_0_3, device.getLorawanVersion());
    assertEquals(PHYVersion.RP002_V1_0_1, device.getLorawanPhyVersion(),
        "PHY from RegParamsRevision, not implied by MacVersion 1.0.3");
    assertEquals("US_902_928_FSB_2", device.getFrequencyPlanId());
    assertEquals("70b3d57ed0000000", hex(device.getIds().getJoinEui().toByteArray()));
    assertEquals(AwsSamples.APP_KEY.toLowerCase(Locale.ROOT),
        hex(device.getRootKeys().getAppKey().getKey().toByteArray()));
    assertFalse(device.hasSession(), "AWS exposes no OTAA session");
    assertFalse(device.getMacSettings().hasSupports32BitFCnt(),
        "written only when the profile has Supports32BitFCnt");
    assertEquals(List.of("GET /wireless-devices/" + OTAA_ID + " {identifierType=WirelessDeviceId}",
        "GET /device-profiles/dp-otaa"), describe(afterPreflight()));
    assertTrue(result.stderr().contains("still live there"), result.stderr());
    assertTrue(result.stderr().contains("1 OTAA devices exported without a session"),
        result.stderr());
    assertTrue(result.stderr().contains("exported 1, disabled 0, deleted 0, skipped 0, failed 0"),
        result.stderr());
  }

  @Test
  void genericFormAndAliasTakeDevEuisAndPrefixedFlags() {
    Map<String, String> environment = Map.of();
    CliRun.Result result = run(environment, "device", "--source", "aws-iot",
        OTAA_DEV_EUI.toLowerCase(Locale.ROOT), "--awsiot.app-id", "other-app",
        "--awsiot.frequency-plan-id", "US_902_928_FSB_1", "--awsiot.endpoint-url", fake.endpoint());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals("other-app", device.getIds().getApplicationIds().getApplicationId());
    assertEquals("US_902_928_FSB_1", device.getFrequencyPlanId());
    assertEquals("GET /wireless-devices/" + OTAA_DEV_EUI.toLowerCase(Locale.ROOT)
        + " {identifierType=DevEui}", afterPreflight().get(0).toString());
  }

  @Test
  void abpDeviceGetsItsSessionKeysConvertedSettingsAndALoudResetOfItsCounters() {
    CliRun.Result result = run("awsiot", "device", ABP_ID);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertFalse(device.getSupportsJoin());
    assertEquals(MACVersion.MAC_V1_0_2, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_0_2_REV_B, device.getLorawanPhyVersion());
    assertEquals("260b1234", hex(device.getSession().getDevAddr().toByteArray()));
    assertEquals(AwsSamples.NWK_S_KEY,
        hex(device.getSession().getKeys().getFNwkSIntKey().getKey().toByteArray()));
    assertEquals(AwsSamples.APP_S_KEY,
        hex(device.getSession().getKeys().getAppSKey().getKey().toByteArray()));
    assertEquals(0, device.getSession().getLastFCntUp(), "FCntStart is not the current counter");
    MACSettings mac = device.getMacSettings();
    assertTrue(mac.getResetsFCnt().getValue());
    assertEquals(8, mac.getClassBTimeout().getSeconds());
    assertEquals(1000, mac.getClassCTimeout().getSeconds());
    assertEquals(2, mac.getPingSlotPeriodicity().getValueValue(), "128 slots = every 4 s");
    assertEquals(923_300_000L, mac.getPingSlotFrequency().getValue());
    assertEquals(923_300_000L, mac.getRx2Frequency().getValue());
    assertEquals(List.of(902_300_000L, 902_500_000L, 902_700_000L),
        mac.getFactoryPresetFrequenciesList());
    assertEquals(8, mac.getRx2DataRateIndex().getValueValue());
    assertTrue(mac.getSupports32BitFCnt().getValue());
    assertFalse(mac.hasDesiredMaxEirp() || mac.hasMaxDutyCycle() || mac.hasDesiredMaxDutyCycle(),
        "MaxEirp and MaxDutyCycle have no stated unit");
    assertTrue(result.stderr().contains("ABP device exported WITHOUT its frame counters"),
        result.stderr());
    assertTrue(result.stderr().contains("MaxEirp=13, MaxDutyCycle=10 not exported"),
        result.stderr());
    assertTrue(result.stderr().contains("its FPorts (FUOTA, multicast, clock sync, positioning)"
        + " are not exported"), result.stderr());
  }

  @Test
  void aGenAppKeyIsReportedAsNotExported() {
    fake.putDevice(AwsSamples.otaaDeviceWithGenAppKey());

    CliRun.Result result = run("awsiot", "device", OTAA_ID);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("its GenAppKey (multicast/FUOTA) is not exported"),
        result.stderr());
    assertFalse(result.stdout().contains("33333333333333333333333333333333"), result.stdout());
  }

  @Test
  void abpCountersFromTheCsvAreExportedWithoutAReset(@TempDir Path dir) throws IOException {
    Path counters = Files.writeString(dir.resolve("counters.csv"),
        "DevEUI,FCntUp,FCntDown\n" + ABP_DEV_EUI.toLowerCase(Locale.ROOT) + ",4242,17\n");

    CliRun.Result result = run("awsiot", "device", ABP_ID, "--frame-counters",
        counters.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals(4242, device.getSession().getLastFCntUp());
    assertEquals(17, device.getSession().getLastNFCntDown());
    assertFalse(device.getMacSettings().hasResetsFCnt());
    assertFalse(result.stderr().contains("WITHOUT its frame counters"), result.stderr());
  }

  @Test
  void applicationPagesWithTheSameFiltersAndSkipsSidewalkDevices() {
    addOtaaDevices(5, DESTINATION);
    addOtaaDevices(0, "elsewhere");
    fake.putDevice(AwsSamples.otaaDevice(OTHER_ID, "A840410001FFFFFF", "elsewhere"));
    fake.pageLimit(2).listsEveryType();

    CliRun.Result result = run("awsiot", "application", DESTINATION);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(7, result.devices().size(), "the sample OTAA and ABP devices and five more");
    List<IotWirelessFake.Call> pages = fake.calls("GET", "/wireless-devices");
    pages = pages.stream().filter(c -> c.path().equals("/wireless-devices"))
        .filter(c -> !c.query().get("maxResults").equals("1")).toList();
    assertEquals(4, pages.size(), "8 devices in pages of 2: " + pages);
    for (IotWirelessFake.Call page : pages) {
      assertEquals("LoRaWAN", page.query().get("wirelessDeviceType"), page.toString());
      assertEquals(DESTINATION, page.query().get("destinationName"), page.toString());
    }
    assertTrue(pages.get(1).query().containsKey("nextToken"));
    assertTrue(result.stderr().contains("skipping wireless device " + SIDEWALK_ID), result.stderr());
    assertTrue(result.stderr().contains("1 non-LoRaWAN (Sidewalk) devices were skipped"),
        result.stderr());
    assertEquals(1, fake.calls("GET", "/device-profiles/dp-otaa").size(),
        "a device profile is read once per run");
  }

  @Test
  void devEuisInAnyCaseAndDestinationNamesAsAwsWritesThemAreAccepted() {
    fake.putDevice(AwsSamples.otaaDevice(OTHER_ID, "A840410001FFFFFF", "Meters_EU"));

    CliRun.Result byEui = run("awsiot", "device", OTAA_DEV_EUI,
        OTAA_DEV_EUI.toLowerCase(Locale.ROOT));
    assertEquals(ExitCodes.OK, byEui.exitCode(), byEui.toString());
    assertEquals(1, byEui.devices().size(), "one DevEUI written two ways is exported once");

    CliRun.Result byDestination = run("awsiot", "application", "Meters_EU");
    assertEquals(ExitCodes.OK, byDestination.exitCode(), byDestination.toString());
    assertEquals("eui-a840410001ffffff", byDestination.onlyDevice().getIds().getDeviceId());

    CliRun.Result bad = run("awsiot", "application", "meters/eu");
    assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
    assertTrue(bad.stderr().contains("AWS destination names are"), bad.stderr());
  }

  @Test
  void allExportsEveryLorawanDeviceOfTheAccountWithoutADestinationFilter() {
    fake.putDevice(AwsSamples.otaaDevice(OTHER_ID, "A840410001FFFFFF", "elsewhere"));

    CliRun.Result result = run("awsiot", "application", "--all");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(3, result.devices().size());
    IotWirelessFake.Call list = afterPreflight().get(0);
    assertEquals("/wireless-devices", list.path());
    assertFalse(list.query().containsKey("destinationName"), list.toString());

    CliRun.Result both = run("awsiot", "application", "--all", DESTINATION);
    assertEquals(ExitCodes.USAGE, both.exitCode(), both.toString());
  }

  @Test
  void aSidewalkDeviceAskedForByIdFailsAndReachesTheSummaryAndExitCode() {
    CliRun.Result result = run("awsiot", "device", SIDEWALK_ID, OTAA_ID, "--continue-on-error");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals(1, result.devices().size());
    assertTrue(result.stderr().contains("my-app/" + SIDEWALK_ID + ": AWS wireless device "
        + SIDEWALK_ID + " is a Sidewalk device, not LoRaWAN"), result.stderr());
  }

  @Test
  void aMissingDeviceIsNamedWithAwsNotFoundError() {
    String missing = "6a5e5b0c-9999-4c0e-9f00-000000000009";

    CliRun.Result stopped = run("awsiot", "device", missing, OTAA_ID);
    assertEquals(ExitCodes.EXPORT_FAILED, stopped.exitCode(), stopped.toString());
    assertTrue(stopped.stderr().contains("AWS wireless device " + missing
        + ": AWS IoT Wireless GetWirelessDevice failed: ResourceNotFoundException (HTTP 404):"
        + " WirelessDevice " + missing + " not found"), stopped.stderr());
    assertEquals("", stopped.stdout());

    CliRun.Result collected = run("awsiot", "device", missing, OTAA_ID, "--continue-on-error");
    assertEquals(ExitCodes.SOME_FAILED, collected.exitCode(), collected.toString());
    assertEquals(1, collected.devices().size());
  }

  @Test
  void throttlingIsRetriedWithinRetriesAndTheSdkDoesNotRetryOnItsOwn() {
    fake.fail("GET", "/wireless-devices/" + OTAA_ID, 2, 429, "ThrottlingException");
    CliRun.Result recovered = run("awsiot", "device", OTAA_ID, "--retries", "2");
    assertEquals(ExitCodes.OK, recovered.exitCode(), recovered.toString());
    assertEquals(3, fake.calls("GET", "/wireless-devices/" + OTAA_ID).size());
    assertTrue(recovered.stderr().contains("throttled by AWS IoT Wireless"), recovered.stderr());

    fake.fail("GET", "/wireless-devices/" + OTAA_ID, 2, 429, "ThrottlingException");
    CliRun.Result gaveUp = run("awsiot", "device", OTAA_ID, "--retries", "1");
    assertEquals(ExitCodes.EXPORT_FAILED, gaveUp.exitCode(), gaveUp.toString());
    assertEquals(5, fake.calls("GET", "/wireless-devices/" + OTAA_ID).size(),
        "--retries 1 is two attempts in all");
    assertTrue(gaveUp.stderr().contains("ThrottlingException (HTTP 429)"), gaveUp.stderr());
    assertTrue(gaveUp.stderr().contains("gave up after 2 attempts"), gaveUp.stderr());
  }

  @Test
  void aServerErrorIsRetriedButAValidationErrorIsNot() {
    fake.fail("GET", "/device-profiles/dp-otaa", 1, 500, "InternalServerException");
    assertEquals(ExitCodes.OK, run("awsiot", "device", OTAA_ID).exitCode());

    fake.fail("GET", "/device-profiles/dp-otaa", 1, 400, "ValidationException");
    CliRun.Result refused = run("awsiot", "device", OTAA_ID);
    assertEquals(ExitCodes.EXPORT_FAILED, refused.exitCode(), refused.toString());
    assertEquals(3, fake.calls("GET", "/device-profiles/dp-otaa").size());
  }

  @Test
  void deleteListsTheDestinationCompletelyFirstThenDeletesEachWrittenDevice() {
    addOtaaDevices(3, DESTINATION);
    fake.pageLimit(2);

    CliRun.Result result = run("awsiot", "application", DESTINATION, "--delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(5, result.devices().size());
    assertEquals(5, fake.deleted().size());
    List<String> order = new ArrayList<>();
    for (IotWirelessFake.Call call : afterPreflight()) {
      if (call.path().equals("/wireless-devices") || call.method().equals("DELETE")) {
        order.add(call.method());
      }
    }
    assertEquals(List.of("GET", "GET", "GET", "DELETE", "DELETE", "DELETE", "DELETE", "DELETE"),
        order);
    assertFalse(fake.exists(OTAA_ID));
    assertTrue(fake.exists(SIDEWALK_ID));
    assertTrue(result.stderr().contains("exported 5, disabled 0, deleted 5"), result.stderr());
    assertFalse(result.stderr().contains("still live"), result.stderr());
  }

  @Test
  void aDeviceNamedByDevEuiIsDeletedByItsWirelessDeviceId() {
    CliRun.Result result = run("awsiot", "device", ABP_DEV_EUI.toLowerCase(Locale.ROOT),
        "--delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(List.of(ABP_ID), fake.deleted());
  }

  @Test
  void dryRunNeverDeletes() {
    CliRun.Result result = run("awsiot", "device", OTAA_ID, ABP_ID, "--delete-source-device",
        "--dry-run");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(2, result.devices().size());
    assertTrue(fake.calls("DELETE", "/").isEmpty());
    assertTrue(result.stderr().contains("--dry-run: devices will NOT be deleted"), result.stderr());
    assertTrue(result.stderr().contains("still live there"), result.stderr());
  }

  @Test
  void aPlanOfAnotherBandStopsTheDevice() {
    Map<String, String> environment = environment();
    environment.put("AWSIOT_FREQUENCY_PLAN_ID", "EU_863_870_TTN");

    CliRun.Result result = run(environment, "awsiot", "device", OTAA_ID);

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("its region US915 is band US_902_928, but frequency plan"
        + " EU_863_870_TTN is for band EU_863_870"), result.stderr());
  }

  @Test
  void refusedCredentialsAreNamedWithWhatToCheck() {
    fake.close();
    fake = new IotWirelessFake("AKIDSOMEONEELSE").putProfile(AwsSamples.otaaProfile())
        .putDevice(AwsSamples.otaaDevice());

    CliRun.Result result = run("awsiot", "device", OTAA_ID);

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().startsWith("ttn-lw-migrate: source: checking the source"
        + " credentials: "), result.stderr());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertEquals(1, fake.calls().size(), "the pre-flight only, not retried");
    assertTrue(result.stderr().contains("UnrecognizedClientException (HTTP 403)"), result.stderr());
    assertTrue(result.stderr().contains("check the AWS credentials"), result.stderr());
  }

  @Test
  void configurationMistakesStopBeforeAnyCall() {
    Map<String, String> noApp = environment();
    noApp.remove("AWSIOT_APP_ID");
    CliRun.Result result = run(noApp, "awsiot", "device", OTAA_ID);
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("--app-id"), result.stderr());

    CliRun.Result plan = run("awsiot", "device", OTAA_ID, "--frequency-plan-id", "US915");
    assertEquals(ExitCodes.USAGE, plan.exitCode(), plan.toString());
    assertTrue(plan.stderr().contains("unknown frequency plan \"US915\""), plan.stderr());

    CliRun.Result version = run("awsiot", "device", OTAA_ID, "--mac-version", "1.0.9");
    assertEquals(ExitCodes.USAGE, version.exitCode(), version.toString());
    assertTrue(fake.calls().isEmpty());
  }

  @Test
  void macVersionOverridesTheProfile() {
    CliRun.Result result = run("awsiot", "device", OTAA_ID, "--mac-version", "1.0.2b");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(MACVersion.MAC_V1_0_2, result.onlyDevice().getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_0_2_REV_B, result.onlyDevice().getLorawanPhyVersion());
  }

  private static List<String> describe(List<IotWirelessFake.Call> calls) {
    return calls.stream().map(IotWirelessFake.Call::toString).toList();
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes);
  }

  /** The calls after the pre-flight's, which must come first: a list of at most one device. */
  private List<IotWirelessFake.Call> afterPreflight() {
    List<IotWirelessFake.Call> calls = fake.calls();
    assertEquals("GET /wireless-devices {maxResults=1, wirelessDeviceType=LoRaWAN}",
        calls.get(0).toString());
    return calls.subList(1, calls.size());
  }
}
