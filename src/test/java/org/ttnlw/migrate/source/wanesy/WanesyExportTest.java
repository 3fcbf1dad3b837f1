package org.ttnlw.migrate.source.wanesy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;

/** The Wanesy source through the CLI: the WMC sample file (wanesy.md §4) and hostile CSVs. */
public class WanesyExportTest {
  @TempDir
  Path dir;

  private static String resource(String name) {
    try (InputStream in = WanesyExportTest.class.getResourceAsStream(
        "/org/ttnlw/migrate/sim/wanesy/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String SAMPLE = resource("sample.csv");
  private static final String TWO = resource("two-devices.csv");
  public static final String HEADER = SAMPLE.lines().findFirst().orElseThrow();
  public static final String OTAA_ROW = SAMPLE.lines().skip(1).findFirst().orElseThrow();
  private static final String ABP_ROW = TWO.lines().skip(2).findFirst().orElseThrow();

  private Path csv(String text) {
    return csv(text.getBytes(StandardCharsets.UTF_8));
  }

  private Path csv(byte[] bytes) {
    try {
      Path file = Files.createTempFile(dir, "devices", ".csv");
      Files.write(file, bytes);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, String> environment(Path csv) {
    Map<String, String> environment = new HashMap<>();
    environment.put("WANESY_CSV_PATH", csv.toString());
    environment.put("WANESY_APP_ID", "my-app");
    environment.put("WANESY_FREQUENCY_PLAN_ID", "EU_863_870");
    return environment;
  }

  private CliRun.Result all(String csvText, String... extra) {
    return run(environment(csv(csvText)), concat(new String[] {"wanesy", "application", "--all"},
        extra));
  }

  private static CliRun.Result run(Map<String, String> environment, String... args) {
    return CliRun.run(environment, "", args);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  private static String hex(com.google.protobuf.ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  /** The row with column {@code name} set to {@code value}. */
  private static String with(String row, String name, String value) {
    List<String> columns = List.of(HEADER.split(","));
    String[] cells = row.split(",", -1);
    cells[columns.indexOf(name)] = value;
    return String.join(",", cells);
  }

  @Test
  void theSampleFileExportsAsTheGoToolsTestExpects() {
    CliRun.Result result = all(SAMPLE);
    assertEquals(0, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals("1111111111111111", device.getIds().getDeviceId());
    assertEquals("1111111111111111", hex(device.getIds().getJoinEui()));
    assertEquals("01234567", hex(device.getSession().getDevAddr()), "W5");
    assertEquals(20, device.getSession().getLastFCntUp());
    assertEquals(10, device.getSession().getLastAFCntDown());
    assertEquals(10, device.getSession().getLastNFCntDown());
    assertEquals(MACVersion.MAC_V1_0_2, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_0_2, device.getLorawanPhyVersion());
    assertEquals("a".repeat(32), hex(device.getRootKeys().getAppKey().getKey()));
    assertEquals("c".repeat(32), hex(device.getSession().getKeys().getAppSKey().getKey()));
    assertEquals("b".repeat(32), hex(device.getSession().getKeys().getFNwkSIntKey().getKey()));
    assertEquals("EU_863_870", device.getFrequencyPlanId());
    assertEquals("0001", device.getAttributesOrThrow("wanesy-cluster-id"));
    assertTrue(result.stderr().contains("DevAddr (dev_addr) \"1234567\" has fewer than 8 hex"
        + " digits; read as 01234567"), result.stderr());
    assertTrue(result.stderr().contains("WMC was not changed; once these 1 devices work on TTS,"
        + " remove them in Wanesy Management Center"), result.stderr());
    assertTrue(result.stderr().contains("ttn-lw-migrate: 1111111111111111"), result.stderr());
  }

  @Test
  void abpRowGetsItsCurrentRxSettingsLocationWithAltitudeAndDecimalNumbers() {
    CliRun.Result result = all(HEADER + "\n" + with(ABP_ROW, "rx2Dr", "12") + "\n");
    assertEquals(0, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertFalse(device.getSupportsJoin());
    assertTrue(device.getSupportsClassC());
    assertEquals(MACVersion.MAC_V1_0_3, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_0_3_REV_A, device.getLorawanPhyVersion());
    assertEquals(12, device.getMacSettings().getDesiredRx2DataRateIndex().getValueValue(),
        "decimal, not hex (W3)");
    assertEquals(12, device.getMacSettings().getRx2DataRateIndex().getValueValue(), "W9");
    assertEquals(1, device.getMacSettings().getRx1Delay().getValueValue());
    assertTrue(device.getMacSettings().hasRx1DataRateOffset());
    assertEquals(1234, device.getSession().getLastFCntUp());
    assertEquals(48.1, device.getLocationsOrThrow("user").getLatitude());
    assertEquals(30, device.getLocationsOrThrow("user").getAltitude(), "W2");
    assertTrue(result.stderr().contains("ADR is off in WMC"), result.stderr());
  }

  @Test
  void classBIsKeptWithAWarningThatPingSlotsComeFromThePlan() {
    CliRun.Result result = all(HEADER + "\n" + with(OTAA_ROW, "classType", "B") + "\n");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.onlyDevice().getSupportsClassB());
    assertTrue(result.stderr().contains("class B; its ping slot settings are not migrated"),
        result.stderr());
  }

  @Test
  void locationNeedsNoAltitudeNorRx2Dr() {
    String row = with(with(ABP_ROW, "altitude", ""), "rx2Dr", "");
    CliRun.Result result = all(HEADER + "\n" + row + "\n");
    assertEquals(0, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals(-1.6, device.getLocationsOrThrow("user").getLongitude());
    assertFalse(device.getMacSettings().hasRx2DataRateIndex());
  }

  @Test
  void outputFollowsTheFileOrder() {
    StringBuilder text = new StringBuilder(HEADER + "\n");
    for (int i = 20; i > 0; i--) {
      text.append(with(ABP_ROW, "devEui", String.format("00000000000000%02X", i))).append('\n');
    }
    CliRun.Result result = all(text.toString());
    assertEquals(0, result.exitCode(), result.toString());
    List<String> ids = result.devices().stream().map(d -> d.getIds().getDeviceId()).toList();
    assertEquals(20, ids.size());
    assertEquals("0000000000000014", ids.get(0));
    assertEquals("0000000000000001", ids.get(19));
  }

  @Test
  void emptyCellsAreMissingValuesNeverZeroBytes() {
    String noAppKey = with(with(OTAA_ROW, "appKey", ""), "devEui", "2222222222222222");
    String noJoinEui = with(with(OTAA_ROW, "appEui", ""), "devEui", "3333333333333333");
    String abpNoAppSKey = with(ABP_ROW, "AppSKey", "");
    CliRun.Result result = all(String.join("\n", HEADER, noAppKey, noJoinEui, abpNoAppSKey,
        OTAA_ROW) + "\n", "--continue-on-error");
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals("1111111111111111", result.onlyDevice().getIds().getDeviceId());
    assertTrue(result.stderr().contains("device 2222222222222222 (line 2): an OTAA device needs"
        + " JoinEUI (appEui), AppKey (appKey); missing: AppKey (appKey)"), result.stderr());
    assertTrue(result.stderr().contains("device 3333333333333333 (line 3): an OTAA device needs"
        + " JoinEUI (appEui), AppKey (appKey); missing: JoinEUI (appEui)"), result.stderr());
    assertTrue(result.stderr().contains("device 00000000000000a2 (line 4): an ABP device needs"
        + " DevAddr (dev_addr), NwkSKey (NwkSKey), AppSKey (AppSKey); missing: AppSKey"),
        result.stderr());
  }

  @Test
  void anOtaaSessionNeedsTheAppSKeyNotTheAppKey() {
    CliRun.Result noAppSKey = all(HEADER + "\n" + with(OTAA_ROW, "AppSKey", "") + "\n");
    assertEquals(0, noAppSKey.exitCode(), noAppSKey.toString());
    assertFalse(noAppSKey.onlyDevice().hasSession(), "W1: no session with an all-zero AppSKey");
    assertTrue(noAppSKey.stderr().contains("only part of a session"), noAppSKey.stderr());
  }

  @Test
  void emptyFrameCounterIsZeroWithAWarning() {
    CliRun.Result result = all(HEADER + "\n" + with(OTAA_ROW, "fcntUp", "") + "\n");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(0, result.onlyDevice().getSession().getLastFCntUp());
    assertTrue(result.stderr().contains("fcntUp is empty; exporting frame counter 0"),
        result.stderr());
  }

  @Test
  void mac11OtaaRowIsRefusedAndMac11AbpUsesItsThreeNetworkKeys() {
    String otaa = with(OTAA_ROW, "macVersion", "1.1.0");
    String abp = with(with(with(with(ABP_ROW, "macVersion", "1.1.0"), "regParamsRevision", "B"),
        "fNwkSIntKey", "1".repeat(32)), "sNwkSIntKey", "2".repeat(32));
    CliRun.Result result = all(String.join("\n", HEADER, otaa, abp) + "\n",
        "--continue-on-error");
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals(PHYVersion.RP001_V1_1_REV_B, device.getLorawanPhyVersion());
    assertEquals("1".repeat(32), hex(device.getSession().getKeys().getFNwkSIntKey().getKey()));
    assertEquals("2".repeat(32), hex(device.getSession().getKeys().getSNwkSIntKey().getKey()));
    assertEquals("d".repeat(32), hex(device.getSession().getKeys().getNwkSEncKey().getKey()));
    assertTrue(result.stderr().contains("an OTAA device of LoRaWAN 1.1 needs a NwkKey"),
        result.stderr());
  }

  @Test
  void macVersionOverridesTheCsv() {
    Map<String, String> environment = environment(csv(HEADER + "\n"
        + with(ABP_ROW, "macVersion", "1.0.4") + "\n"));
    environment.put("WANESY_MAC_VERSION", "1.0.2b");
    CliRun.Result result = run(environment, "application", "--source", "wanesy", "--wanesy.all");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(PHYVersion.RP001_V1_0_2_REV_B, result.onlyDevice().getLorawanPhyVersion());
  }

  @Test
  void unknownVersionOrRegionOfAnotherBandFailsTheRow() {
    String badVersion = with(OTAA_ROW, "regParamsRevision", "");
    String usRow = with(ABP_ROW, "rfRegion", "US915");
    CliRun.Result result = all(String.join("\n", HEADER, badVersion, usRow) + "\n",
        "--continue-on-error");
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("MAC version 1.0.2 needs a Regional Parameters revision"
        + " (A or B); or set --mac-version"), result.stderr());
    assertTrue(result.stderr().contains("its region US915 is band US_902_928"), result.stderr());
  }

  @Test
  void byteOrderMarkSemicolonsQuotesAndCrlfAreRead() {
    String text = "\uFEFF" + (HEADER + "\n" + with(ABP_ROW, "name", "\"meter; \"\"two\"\"\"")
        + "\n").replace(',', ';').replace("48.1", "48,1").replace("\n", "\r\n");
    CliRun.Result result = all(text);
    assertEquals(0, result.exitCode(), result.toString());
    EndDevice device = result.onlyDevice();
    assertEquals("meter; \"two\"", device.getName());
    assertEquals(48.1, device.getLocationsOrThrow("user").getLatitude());
  }

  @Test
  void shortRowsArePaddedWithAWarningNamingTheLine() {
    String[] cells = OTAA_ROW.split(",", -1);
    String shortRow = String.join(",", List.of(cells).subList(0, 16));
    CliRun.Result result = all(HEADER + "\n" + shortRow + "\n");
    assertEquals(0, result.exitCode(), result.toString());
    assertFalse(result.onlyDevice().hasSession());
    assertTrue(result.stderr().contains("line 2: 16 cells where the header names 40 columns"),
        result.stderr());
  }

  @Test
  void malformedFilesNameTheLine() {
    CliRun.Result longRow = all(HEADER + "\n" + OTAA_ROW + "\n" + OTAA_ROW + ",extra\n");
    assertEquals(ExitCodes.USAGE, longRow.exitCode(), longRow.toString());
    assertTrue(longRow.stderr().contains("line 3: 41 cells, but the header names 40 columns"),
        longRow.stderr());
    CliRun.Result quote = all(HEADER + "\n" + with(OTAA_ROW, "name", "\"open") + "\n");
    assertTrue(quote.stderr().contains("line 2: a quote opened here is never closed"),
        quote.stderr());
    CliRun.Result badHeader = run(environment(csv(("\u00e9" + HEADER + "\n" + OTAA_ROW + "\n")
        .getBytes(StandardCharsets.ISO_8859_1))), "wanesy", "application", "--all");
    assertEquals(ExitCodes.USAGE, badHeader.exitCode(), badHeader.toString());
    assertTrue(badHeader.stderr().contains("line 1: not UTF-8 text (byte 0xE9 at byte 1"),
        badHeader.stderr());
    assertEquals("", longRow.stdout() + quote.stdout() + badHeader.stdout());
  }

  /** Rows that cannot be read between two good ones: each fails by its line, the others move. */
  @Test
  void unreadableRowsFailAloneByLine() {
    String rows = String.join("\n", HEADER, OTAA_ROW,
        with(with(OTAA_ROW, "devEui", "00000000000000B1"), "name", "caf\u00e9"),
        with(with(OTAA_ROW, "devEui", "00000000000000B2"), "name", "\"x\"y"),
        with(OTAA_ROW, "devEui", "00000000000000B3").replaceFirst(",", ",\0"),
        with(with(OTAA_ROW, "devEui", "00000000000000B4"), "name", "x".repeat(5 << 20)),
        with(with(OTAA_ROW, "devEui", "00000000000000B5"), "name", "\"two\nlines\"tail"),
        ABP_ROW) + "\n";
    Path file = csv(rows.getBytes(StandardCharsets.ISO_8859_1));

    CliRun.Result result = run(environment(file), "wanesy", "application", "--all",
        "--continue-on-error");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals(2, result.devices().size(), result.toString());
    for (String named : List.of("line 3: not UTF-8 text (byte 0xE9", "line 4: text after the"
        + " closing quote of a cell", "line 5: binary data (a NUL byte)", "line 6: longer than 4"
        + " MiB", "lines 7 to 8: text after the closing quote of a cell")) {
      assertTrue(result.stderr().contains(named), named + "\n" + result.stderr());
    }
    assertTrue(result.stderr().contains("exported 2"), result.stderr());
    assertTrue(result.stderr().contains("failed 5"), result.stderr());

    CliRun.Result stops = run(environment(file), "wanesy", "application", "--all");
    assertEquals(ExitCodes.EXPORT_FAILED, stops.exitCode(), stops.toString());
    assertTrue(stops.stderr().contains("line 3: not UTF-8 text"), stops.stderr());
    assertEquals(1, stops.devices().size(), stops.toString());
  }

  @Test
  void lostLeadingZerosInEuisArePaddedBack() {
    CliRun.Result result = all(HEADER + "\n" + with(with(ABP_ROW, "devEui", "A2"),
        "dev_addr", "60000A2") + "\n");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals("00000000000000a2", result.onlyDevice().getIds().getDeviceId());
    assertEquals("060000a2", hex(result.onlyDevice().getSession().getDevAddr()));
  }

  @Test
  void aDevEuiThatASpreadsheetTurnedIntoANumberFailsItsRowOnly() {
    CliRun.Result result = all(String.join("\n", HEADER, with(OTAA_ROW, "devEui", "1.11111E+15"),
        ABP_ROW) + "\n", "--continue-on-error");
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals("00000000000000a2", result.onlyDevice().getIds().getDeviceId());
    assertTrue(result.stderr().contains("line 2: devEui \"1.11111E+15\" is not a DevEUI"),
        result.stderr());
  }

  @Test
  void repeatedDevEuisFailNamingEveryLine() {
    CliRun.Result result = all(String.join("\n", HEADER, OTAA_ROW, ABP_ROW,
        with(OTAA_ROW, "name", "again")) + "\n", "--continue-on-error");
    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals("00000000000000a2", result.onlyDevice().getIds().getDeviceId());
    assertTrue(result.stderr().contains("device 1111111111111111: lines 2, 4 all have this"
        + " DevEUI"), result.stderr());
  }

  @Test
  void applicationTakesClustersByIdOrName() {
    Path file = csv(TWO);
    CliRun.Result byName = run(environment(file), "wanesy", "application", "Plant");
    assertEquals("00000000000000a2", byName.onlyDevice().getIds().getDeviceId());
    CliRun.Result byId = run(environment(file), "wanesy", "application", "1");
    assertEquals("1111111111111111", byId.onlyDevice().getIds().getDeviceId());
    CliRun.Result none = run(environment(file), "wanesy", "application", "Nope");
    assertEquals(ExitCodes.EXPORT_FAILED, none.exitCode(), none.toString());
    assertTrue(none.stderr().contains("no row of the CSV has clusterId or clusterName \"Nope\""),
        none.stderr());
  }

  @Test
  void deviceTakesDevEuisInAnyCase() {
    CliRun.Result result = run(environment(csv(TWO)), "device", "--source", "wanesy",
        "00000000000000A2", "1111111111111111");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(List.of("00000000000000a2", "1111111111111111"),
        result.devices().stream().map(d -> d.getIds().getDeviceId()).toList());
    assertTrue(result.stderr().contains("ttn-lw-migrate: 00000000000000A2\n"
        + "ttn-lw-migrate: 1111111111111111"), result.stderr());
    CliRun.Result missing = run(environment(csv(TWO)), "wanesy", "device", "00000000000000A3");
    assertTrue(missing.stderr().contains("device 00000000000000a3: not in the CSV file"),
        missing.stderr());
  }

  @Test
  void dryRunListsNothingForRemoval() {
    CliRun.Result result = all(TWO, "--dry-run");
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(2, result.devices().size());
    assertFalse(result.stderr().contains("remove them"), result.stderr());
  }

  @Test
  void missingFlagsAreReported() {
    Map<String, String> environment = environment(csv(TWO));
    environment.remove("WANESY_FREQUENCY_PLAN_ID");
    CliRun.Result result = run(environment, "wanesy", "application", "--all");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("no frequency plan: set --frequency-plan-id"),
        result.stderr());
    CliRun.Result noFile = run(environment(dir.resolve("absent.csv")), "wanesy", "application",
        "--all");
    assertEquals(ExitCodes.USAGE, noFile.exitCode(), noFile.toString());
    assertTrue(noFile.stderr().contains("cannot read the CSV file"), noFile.stderr());
  }
}
