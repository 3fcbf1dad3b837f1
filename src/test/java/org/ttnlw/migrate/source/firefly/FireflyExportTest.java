package org.ttnlw.migrate.source.firefly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.sim.firefly.FireflyFake;

/** The Firefly source through the CLI, against the WireMock Firefly fake over real HTTP. */
public class FireflyExportTest {
  static final String OTAA_EUI = FireflyFake.OTAA_EUI;
  static final String ABP_EUI = FireflyFake.ABP_EUI;
  static final String OTAA = FireflyFake.OTAA;
  static final String ABP = FireflyFake.ABP;
  public static final String JOIN_EUI = "70B3D57ED0000001";

  private final FireflyFake firefly = new FireflyFake();

  @AfterEach
  void stop() {
    firefly.close();
  }

  private Map<String, String> environment() {
    return environment(firefly);
  }

  /** What points the tool at {@code firefly}, with the settings Firefly does not hold. */
  public static Map<String, String> environment(FireflyFake firefly) {
    Map<String, String> environment = new HashMap<>();
    environment.put("FIREFLY_HOST", firefly.host());
    environment.put("FIREFLY_API_KEY", FireflyFake.API_KEY);
    environment.put("FIREFLY_USE_HTTP", "true");
    environment.put("FIREFLY_APP_ID", "my-app");
    environment.put("FIREFLY_FREQUENCY_PLAN_ID", "EU_863_870_TTN");
    environment.put("FIREFLY_MAC_VERSION", "1.0.2b");
    environment.put("FIREFLY_JOIN_EUI", JOIN_EUI);
    return environment;
  }

  private CliRun.Result run(Map<String, String> environment, String... args) {
    CliRun.Result result = CliRun.run(environment, "", args);
    assertNoKey(result.toString());
    return result;
  }

  private CliRun.Result run(String... args) {
    return run(environment(), args);
  }

  private static void assertNoKey(String text) {
    assertFalse(text.contains("DO-NOT-LOG") || text.contains("DO-NOT-LOG".toLowerCase()),
        "the Firefly API key was printed:\n" + text);
  }

  private void twoDevices() {
    firefly.sampleDevices();
  }

  @Test
  void otaaDeviceWithSessionIsExportedFaithfully() {
    twoDevices();
    CliRun.Result result = run("firefly", "device", OTAA_EUI);
    assertEquals(0, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals("0004a30b001c0530", device.getIds().getDeviceId());
    assertEquals("my-app", device.getIds().getApplicationIds().getApplicationId());
    assertEquals(JOIN_EUI.toLowerCase(), hex(device.getIds().getJoinEui()));
    assertEquals(MACVersion.MAC_V1_0_2, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_0_2_REV_B, device.getLorawanPhyVersion());
    assertEquals("EU_863_870_TTN", device.getFrequencyPlanId());
    assertTrue(device.getSupportsJoin());
    assertTrue(device.getSupportsClassC());
    assertEquals("000102030405060708090a0b0c0d0e0f", hex(device.getRootKeys().getAppKey().getKey()));
    assertEquals("26011f00", hex(device.getSession().getDevAddr()));
    assertEquals("202122232425262728292a2b2c2d2eff",
        hex(device.getSession().getKeys().getAppSKey().getKey()));
    assertEquals("101112131415161718191a1b1c1d1e1f",
        hex(device.getSession().getKeys().getFNwkSIntKey().getKey()));
    assertFalse(device.getSession().getKeys().hasNwkSEncKey(), "1.0.x has one network key");
    assertEquals(42, device.getSession().getLastFCntUp());
    assertEquals(7, device.getSession().getLastNFCntDown());
    assertEquals(7, device.getSession().getLastAFCntDown());
    assertTrue(device.getMacSettings().getResetsFCnt().getValue(), "skip_fcnt_check (F9)");
    assertEquals(3, device.getMacSettings().getDesiredRx2DataRateIndex().getValueValue());
    assertFalse(device.getMacSettings().hasRx2DataRateIndex(), "current RX2 DR is for ABP (F10)");
    assertEquals(52.1, device.getLocationsOrThrow("user").getLatitude());
    assertEquals("north,gas", device.getAttributesOrThrow("firefly-tags"));
    assertEquals("EU868", device.getAttributesOrThrow("firefly-region"));
    assertEquals("meter-1", device.getName());
    assertTrue(result.stderr().contains("still live on Firefly"), result.stderr());
    assertEquals(0, firefly.puts(), "nothing changes without --invalidate-keys");
  }

  @Test
  void abpDeviceNeedsNoJoinEuiAndGetsItsCurrentRx2DataRate() {
    twoDevices();
    Map<String, String> environment = environment();
    environment.remove("FIREFLY_JOIN_EUI");
    CliRun.Result result = run(environment, "device", "--source", "firefly", ABP_EUI);
    assertEquals(0, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertFalse(device.getSupportsJoin());
    assertTrue(device.getIds().getJoinEui().isEmpty());
    assertEquals(9, device.getSession().getLastFCntUp());
    assertEquals(0, device.getMacSettings().getRx2DataRateIndex().getValueValue());
    assertTrue(device.getMacSettings().hasRx2DataRateIndex(), "ABP: current RX2 DR too (F10)");
    assertFalse(device.getMacSettings().hasResetsFCnt());
  }

  @Test
  void otaaDeviceWithoutJoinEuiFailsNamingItWhileOthersExport() {
    twoDevices();
    Map<String, String> environment = environment();
    environment.remove("FIREFLY_JOIN_EUI");
    CliRun.Result result = run(environment, "firefly", "device", "--continue-on-error",
        OTAA_EUI, ABP_EUI);
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals(1, result.devices().size());
    assertTrue(result.stderr().contains("device 0004a30b001c0530: an OTAA device needs JoinEUI"
        + " (--join-eui; Firefly does not store it), AppKey (application_key); missing: JoinEUI"),
        result.stderr());
  }

  @Test
  void emptyKeysAreMissingNeverZeroBytes() {
    firefly.device(OTAA_EUI, OTAA.replace("\"000102030405060708090A0B0C0D0E0F\"", "\"\""))
        .device(ABP_EUI, ABP.replace("\"404142434445464748494a4b4c4d4e4f\"", "\"\""));
    CliRun.Result result = run("firefly", "device", "--continue-on-error", OTAA_EUI, ABP_EUI);
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals("", result.stdout());
    assertTrue(result.stderr().contains("device 0004a30b001c0530: an OTAA device needs"
        + " JoinEUI (--join-eui; Firefly does not store it), AppKey (application_key); missing:"
        + " AppKey (application_key)"), result.stderr());
    assertTrue(result.stderr().contains("device 0004a30b001c0531: an ABP device needs DevAddr"
        + " (address), NwkSKey (network_session_key), AppSKey (application_session_key);"
        + " missing: AppSKey (application_session_key)"), result.stderr());
  }

  @Test
  void otaaDeviceThatNeverJoinedIsExportedWithoutSessionAndWithoutAskingForPackets() {
    firefly.device(OTAA_EUI, """
        {"eui": "0004a30b001c0530", "otaa": true,
         "application_key": "000102030405060708090a0b0c0d0e0f", "address": "",
         "network_session_key": null}""");
    CliRun.Result result = run("firefly", "device", OTAA_EUI);
    assertEquals(0, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertFalse(device.hasSession());
    assertFalse(device.hasMacSettings(), "no rx2_data_rate: no RX2 setting, not DR0 (F10)");
    assertTrue(firefly.requests().stream().noneMatch(r -> r.getUrl().contains("/packets")));
  }

  @Test
  void noStoredUplinkGivesFrameCounterZeroWithAWarning() {
    firefly.device(OTAA_EUI, OTAA).uplinks(OTAA_EUI, 0, null);
    CliRun.Result result = run("firefly", "device", OTAA_EUI);
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(0, result.onlyDevice().getSession().getLastFCntUp());
    assertTrue(result.stderr().contains("Firefly stores no uplink of it"), result.stderr());
  }

  @Test
  void mac11SessionUsesTheOneNetworkKeyForAllThreeAndRefusesOtaa() {
    twoDevices();
    Map<String, String> environment = environment();
    environment.put("FIREFLY_MAC_VERSION", "1.1.0b");
    CliRun.Result result = run(environment, "firefly", "device", "--continue-on-error",
        OTAA_EUI, ABP_EUI);
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    EndDevice abp = result.onlyDevice();
    String network = "303132333435363738393a3b3c3d3e3f";
    assertEquals(network, hex(abp.getSession().getKeys().getFNwkSIntKey().getKey()));
    assertEquals(network, hex(abp.getSession().getKeys().getSNwkSIntKey().getKey()));
    assertEquals(network, hex(abp.getSession().getKeys().getNwkSEncKey().getKey()), "F5");
    assertTrue(result.stderr().contains("device 0004a30b001c0530: an OTAA device of LoRaWAN 1.1"
        + " needs a NwkKey"), result.stderr());
  }

  @Test
  void regionOfAnotherBandFailsTheDevice() {
    firefly.device(OTAA_EUI, OTAA.replace("EU868", "US915")).uplinks(OTAA_EUI, 1, 1);
    CliRun.Result result = run("firefly", "device", OTAA_EUI);
    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("its region US915 is band US_902_928, but frequency plan"
        + " EU_863_870_TTN is for band EU_863_870"), result.stderr());
  }

  @Test
  void longNameIsCutWithAWarning() {
    firefly.device(OTAA_EUI, OTAA.replace("meter-1", "m".repeat(70))).uplinks(OTAA_EUI, 1, 1);
    CliRun.Result result = run("firefly", "device", OTAA_EUI);
    assertEquals(50, result.onlyDevice().getName().length());
    assertTrue(result.stderr().contains("device 0004a30b001c0530: name cut to the 50 characters"),
        result.stderr());
  }

  @Test
  void applicationListsOnlyThatApplicationsDevicesInOrder() {
    twoDevices();
    firefly.listing("17", ABP_EUI, OTAA_EUI).listing(null, OTAA_EUI, ABP_EUI, "0004A30B001C0599");
    CliRun.Result result = run("firefly", "application", "17");
    assertEquals(0, result.exitCode(), result.toString());
    List<EndDevice> devices = result.devices();
    assertEquals(List.of("0004a30b001c0531", "0004a30b001c0530"),
        devices.stream().map(d -> d.getIds().getDeviceId()).toList());
    assertEquals("17", devices.get(0).getAttributesOrThrow("firefly-application"));
  }

  @Test
  void allExportsEveryDeviceTheKeyReachesAndTakesNoArguments() {
    twoDevices();
    firefly.listing(null, OTAA_EUI, ABP_EUI);
    CliRun.Result result = run("application", "--source", "firefly", "--firefly.all");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(2, result.devices().size());
    CliRun.Result both = run("firefly", "application", "--all", "17");
    assertEquals(ExitCodes.USAGE, both.exitCode(), both.toString());
  }

  @Test
  void unknownDeviceIs404NamingItWithoutTheKey() {
    CliRun.Result result = run("firefly", "device", "0004A30B001C0599");
    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("device 0004a30b001c0599: GET http://" + firefly.host()
        + "/api/v1/devices/eui/0004a30b001c0599?auth=***: not found (HTTP 404)"),
        result.stderr());
  }

  @Test
  void wrongKeyIsReportedAndNotRetried() {
    twoDevices();
    Map<String, String> environment = environment();
    environment.put("FIREFLY_API_KEY", "wrong-DO-NOT-LOG");
    CliRun.Result result = run(environment, "firefly", "device", OTAA_EUI);
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().startsWith("ttn-lw-migrate: source: checking the source API key: "),
        result.stderr());
    assertTrue(result.stderr().contains("Firefly refused the API key (HTTP 401)"),
        result.stderr());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertEquals(1, firefly.requests().size(), "the pre-flight only");
  }

  @Test
  void rateLimitedRequestsWaitAsTheHeadersSayAndGoAgain() {
    twoDevices();
    firefly.rateLimited(OTAA_EUI, 2, 300);
    long start = System.nanoTime();
    CliRun.Result result = run("firefly", "device", OTAA_EUI);
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(1, result.devices().size());
    assertTrue(tookMillis >= 600, "waited " + tookMillis + " ms, x-ratelimit-reset asked 2 x 300");
  }

  @Test
  void rateLimitBeyondTheRetriesFails() {
    twoDevices();
    firefly.rateLimited(OTAA_EUI, 5, 10);
    CliRun.Result result = run("firefly", "device", "--retries", "2", OTAA_EUI);
    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("rate limited by Firefly (HTTP 429) (gave up after 3"
        + " attempts)"), result.stderr());
  }

  @Test
  void invalidateKeysBumpsEachKeyAfterTheLineIsWritten() {
    twoDevices();
    CliRun.Result result = run("firefly", "device", "--invalidate-keys", OTAA_EUI, ABP_EUI);
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(2, result.devices().size());
    assertTrue(result.stderr().contains("keys invalidated 2"), result.stderr());
    assertFalse(result.stderr().contains("still live"), result.stderr());
    String put = firefly.putsTo(OTAA_EUI).get(0);
    assertEquals("{\"device\":{\"application_key\":\"000102030405060708090a0b0c0d0e10\","
        + "\"application_session_key\":\"202122232425262728292a2b2c2d2e00\","
        + "\"network_session_key\":\"101112131415161718191a1b1c1d1e20\"}}", put);
  }

  @Test
  void dryRunNeverInvalidates() {
    twoDevices();
    CliRun.Result result = run("firefly", "device", "--invalidate-keys", "--dry-run", OTAA_EUI);
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(1, result.devices().size());
    assertEquals(0, firefly.puts());
  }

  @Test
  void aFailedDeviceIsNotInvalidated() {
    firefly.device(OTAA_EUI, OTAA.replace("\"000102030405060708090A0B0C0D0E0F\"", "\"\""));
    CliRun.Result result = run("firefly", "device", "--invalidate-keys", OTAA_EUI);
    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertEquals(0, firefly.puts(), "F4: nothing changes before the line is written");
  }

  @Test
  void invalidationResumesThroughTheJournal(@TempDir Path dir) throws Exception {
    twoDevices();
    firefly.failPuts(ABP_EUI, 400);
    Path output = dir.resolve("devices.json");
    CliRun.Result first = run("firefly", "device", "--invalidate-keys", "--continue-on-error",
        "--output", output.toString(), OTAA_EUI, ABP_EUI);
    assertEquals(ExitCodes.SOME_FAILED, first.exitCode(), first.toString());
    assertTrue(first.stderr().contains("device my-app/0004a30b001c0531 is in the output, but"),
        first.stderr());
    firefly.healPuts();
    CliRun.Result second = run("firefly", "device", "--invalidate-keys", "--output",
        output.toString(), OTAA_EUI, ABP_EUI);
    assertEquals(0, second.exitCode(), second.toString());
    assertTrue(second.stderr().contains("keys invalidated 1, deleted 0, skipped 1"),
        second.stderr());
    assertEquals(2, Files.readAllLines(output).size());
    assertEquals(1, firefly.putsTo(OTAA_EUI).size());
    assertEquals(2, firefly.putsTo(ABP_EUI).size());
    assertNoKey(Files.readString(output) + Files.readString(dir.resolve("devices.json.state")));
  }

  @Test
  void configurationProblemsAreReportedBeforeAnyCall() {
    Map<String, String> environment = environment();
    environment.put("FIREFLY_FREQUENCY_PLAN_ID", "EU868");
    CliRun.Result plan = run(environment, "firefly", "device", OTAA_EUI);
    assertEquals(ExitCodes.USAGE, plan.exitCode(), plan.toString());
    assertTrue(plan.stderr().contains("unknown frequency plan \"EU868\" (did you mean"
        + " EU_863_870, EU_863_870_TTN"), plan.stderr());
    environment = environment();
    environment.put("FIREFLY_MAC_VERSION", "1.0.2");
    CliRun.Result version = run(environment, "firefly", "device", OTAA_EUI);
    assertEquals(ExitCodes.USAGE, version.exitCode(), version.toString());
    assertTrue(version.stderr().contains("known: 1.0, 1.0.0, 1.0.1, 1.0.2a, 1.0.2b"),
        version.stderr());
    environment = environment();
    environment.put("FIREFLY_HOST", "https://api.example.com/api");
    CliRun.Result host = run(environment, "firefly", "device", OTAA_EUI);
    assertEquals(ExitCodes.USAGE, host.exitCode(), host.toString());
    CliRun.Result eui = run("firefly", "device", "not-an-eui");
    assertEquals(ExitCodes.USAGE, eui.exitCode(), eui.toString());
    assertTrue(eui.stderr().contains("DevEUI, 16 hex digits"), eui.stderr());
    assertTrue(firefly.requests().isEmpty());
  }

  @Test
  void apiKeyFromAFile(@TempDir Path dir) throws Exception {
    twoDevices();
    Path keyFile = dir.resolve("firefly.key");
    Files.writeString(keyFile, FireflyFake.API_KEY + "\n");
    Map<String, String> environment = environment();
    environment.remove("FIREFLY_API_KEY");
    CliRun.Result result = run(environment, "firefly", "device", "--api-key-file",
        keyFile.toString(), ABP_EUI);
    assertEquals(0, result.exitCode(), result.toString());
    environment.put("FIREFLY_API_KEY_FILE", dir.resolve("absent.key").toString());
    CliRun.Result absent = run(environment, "firefly", "device", ABP_EUI);
    assertEquals(ExitCodes.USAGE, absent.exitCode(), absent.toString());
    assertTrue(absent.stderr().contains("cannot read the Firefly API key file"), absent.stderr());
  }

  @Test
  void invalidatingADeviceGoneFromFireflyCountsAsDone() {
    firefly.device(ABP_EUI, ABP).uplinks(ABP_EUI, 1, 1);
    firefly.goneAfterFirstRead(ABP_EUI, ABP);
    CliRun.Result result = run("firefly", "device", "--invalidate-keys", ABP_EUI);
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("gone from Firefly; nothing to invalidate"),
        result.stderr());
    assertEquals(0, firefly.puts());
  }

  @Test
  void caCertPathIsAnAliasOfCaFile() {
    Map<String, String> environment = environment();
    environment.remove("FIREFLY_USE_HTTP");
    CliRun.Result result = run(environment, "firefly", "device", "--ca-cert-path",
        "/no/such/ca.pem", OTAA_EUI);
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("cannot use the CA file /no/such/ca.pem"),
        result.stderr());
  }

  @Test
  void tlsWithTheExtraCaOfCaFile(@TempDir Path dir) throws Exception {
    Path ca = dir.resolve("ca.pem");
    try (FireflyFake https = FireflyFake.withTls(ca)) {
      https.device(OTAA_EUI, OTAA).uplinks(OTAA_EUI, 1, 5);
      Map<String, String> environment = environment();
      environment.remove("FIREFLY_USE_HTTP");
      environment.put("FIREFLY_HOST", https.host());
      CliRun.Result untrusted = run(environment, "firefly", "device", OTAA_EUI);
      assertEquals(ExitCodes.USAGE, untrusted.exitCode(), untrusted.toString());
      assertTrue(untrusted.stderr().contains("SSLHandshakeException"), untrusted.stderr());
      assertTrue(untrusted.stderr().contains("source: "), untrusted.stderr());
      environment.put("FIREFLY_CA_FILE", ca.toString());
      CliRun.Result trusted = run(environment, "firefly", "device", OTAA_EUI);
      assertEquals(0, trusted.exitCode(), trusted.toString());
      assertEquals(5, trusted.onlyDevice().getSession().getLastFCntUp());
    }
  }

  private static String hex(com.google.protobuf.ByteString bytes) {
    return java.util.HexFormat.of().formatHex(bytes.toByteArray());
  }

  static EndDevice parse(String line) {
    return TtsJson.instance().merge(line, EndDevice.newBuilder()).build();
  }
}
