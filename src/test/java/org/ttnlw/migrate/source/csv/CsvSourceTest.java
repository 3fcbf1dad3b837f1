package org.ttnlw.migrate.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.proto.RxDelay;
import picocli.CommandLine;

/** What the CSV source reads from a sheet, and how it names a row it cannot read. */
class CsvSourceTest {
  private static final String KEY = "000102030405060708090A0B0C0D0E0F";

  @TempDir
  Path dir;

  /** Each row's device, or its failure's message, by the row's key, in the sheet's order. */
  private Map<String, Object> read(String sheet, String... flags) throws IOException {
    Path csv = Files.createTempFile(dir, "sheet", ".csv");
    Files.write(csv, sheet.getBytes(StandardCharsets.UTF_8));
    List<String> args = new ArrayList<>(List.of("--csv-path", csv.toString(), "--app-id",
        "my-app"));
    args.addAll(List.of(flags));
    CsvOptions options = new CsvOptions();
    new CommandLine(options).parseArgs(args.toArray(String[]::new));
    Map<String, Object> out = new LinkedHashMap<>();
    try (CsvSource source = new CsvSource(CsvConfig.from(options))) {
      source.listAllDevices().forEachRemaining(ref -> out.put(ref.deviceId(),
          outcome(source.fetch(ref))));
    }
    return out;
  }

  private static Object outcome(CompletableFuture<EndDevice> device) {
    try {
      return device.join();
    } catch (CompletionException e) {
      return e.getCause().getMessage();
    }
  }

  private static ByteString hex(String digits) {
    return ByteString.copyFrom(HexFormat.of().parseHex(digits));
  }

  @Test
  void readsEveryColumnOfTtsFormat() throws IOException {
    String sheet = "\uFEFFid;dev_eui;join_eui;name;description;frequency_plan_id;"
        + "lorawan_version;lorawan_phy_version;brand_id;model_id;hardware_version;"
        + "firmware_version;band_id;vendor_id;vendor_profile_id;app_key;nwk_key;rx1_delay;"
        + "supports_32_bit_f_cnt;supports_class_c\r\n"
        + "dev-1;70b3d57ed0000001;70B3D57ED0000000;\"A; \"\"quoted\"\" name\";\"two\r\nlines\";"
        + "EU_863_870_TTN;MAC_V1_0_3;PHY_V1_0_3_REV_A;acme;box;1.0;2.1;EU_863_870;A;1F;" + KEY
        + ";;RX_DELAY_5;true;true\r\n";
    EndDevice device = (EndDevice) read(sheet).get("70b3d57ed0000001");
    assertEquals("dev-1", device.getIds().getDeviceId());
    assertEquals("my-app", device.getIds().getApplicationIds().getApplicationId());
    assertEquals(hex("70b3d57ed0000000"), device.getIds().getJoinEui());
    assertEquals("A; \"quoted\" name", device.getName());
    assertEquals("two\nlines", device.getDescription());
    assertEquals(MACVersion.MAC_V1_0_3, device.getLorawanVersion());
    assertEquals(PHYVersion.PHY_V1_0_3_REV_A, device.getLorawanPhyVersion());
    assertEquals("box", device.getVersionIds().getModelId());
    assertEquals("EU_863_870", device.getVersionIds().getBandId());
    assertEquals(10, device.getLoraAllianceProfileIds().getVendorId());
    assertEquals(31, device.getLoraAllianceProfileIds().getVendorProfileId());
    assertEquals(hex(KEY), device.getRootKeys().getAppKey().getKey());
    assertTrue(device.getSupportsJoin());
    assertEquals(RxDelay.RX_DELAY_5, device.getMacSettings().getRx1Delay().getValue());
    assertTrue(device.getMacSettings().getSupports32BitFCnt().getValue());
    assertTrue(device.getSupportsClassC());
    assertFalse(device.hasSession());
  }

  @Test
  void takesCommasWhenTheHeaderHasNoSemicolonAndAnyHexSpelling() throws IOException {
    String sheet = "dev_eui,app_eui,app_key,frequency_plan_id,lorawan_version\n"
        + "70-b3-d5-7e-d0-00-00-02,70:B3:D5:7E:D0:00:00:00,00 01 02 03 04 05 06 07 08 09 0a 0b"
        + " 0c 0d 0e 0f,EU_863_870,1.0.2b\n";
    EndDevice device = (EndDevice) read(sheet).get("70b3d57ed0000002");
    assertEquals("eui-70b3d57ed0000002", device.getIds().getDeviceId());
    assertEquals(hex("70b3d57ed0000000"), device.getIds().getJoinEui());
    assertEquals(hex(KEY), device.getRootKeys().getAppKey().getKey());
    assertEquals(PHYVersion.PHY_V1_0_2_REV_B, device.getLorawanPhyVersion());
  }

  @Test
  void readsAnAbpSession() throws IOException {
    String sheet = "dev_eui;join_eui;frequency_plan_id;dev_addr;app_s_key;"
        + "f_nwk_s_int_key;last_f_cnt_up;last_n_f_cnt_down;last_a_f_cnt_down\n"
        + "0000000000000003;0000000000000000;EU_863_870;260b0001;" + KEY + ";" + KEY
        + ";4294967295;12;7\n";
    Map<String, Object> rows = read(sheet, "--mac-version", "1.0.2b");
    EndDevice device = (EndDevice) rows.get("0000000000000003");
    assertFalse(device.getSupportsJoin());
    assertTrue(device.getIds().getJoinEui().isEmpty(), "zeros are no JoinEUI for ABP");
    assertEquals(hex("260b0001"), device.getSession().getDevAddr());
    assertEquals(hex("260b0001"), device.getIds().getDevAddr());
    assertEquals(-1, device.getSession().getLastFCntUp());
    assertEquals(12, device.getSession().getLastNFCntDown());
    assertEquals(7, device.getSession().getLastAFCntDown());
  }

  @Test
  void eachBadRowFailsAloneNamedByItsLine() throws IOException {
    String sheet = "dev_eui;join_eui;app_key;frequency_plan_id;band_id;lorawan_version\n"
        + "0000000000000001;0000000000000000;" + KEY + ";EU_863_870;;1.0.3\n"
        + "XYZ;0000000000000000;" + KEY + ";EU_863_870;;1.0.3\n"
        + "0000000000000002;0000000000000000;0102;EU_863_870;;1.0.3\n"
        + "0000000000000003;0000000000000000;" + KEY + ";US_902_928_FSB_2;EU_863_870;1.0.3\n"
        + "0000000000000004;0000000000000000;" + KEY + ";EU_863_870;;9.9\n"
        + "0000000000000005;;" + KEY + ";EU_863_870;;1.0.3\n"
        + "0000000000000006;0000000000000000;;EU_863_870;;1.0.3\n"
        + "0000000000000007;0000000000000000;" + KEY + ";;;1.0.3\n";
    Map<String, Object> rows = read(sheet);
    assertTrue(rows.get("0000000000000001") instanceof EndDevice, rows.toString());
    assertTrue(rows.get("csv-line-3").toString().startsWith("line 3: dev_eui is not 16 hex"),
        rows.toString());
    assertTrue(rows.get("0000000000000002").toString().startsWith("line 4: app_key is not 32"),
        rows.toString());
    assertTrue(rows.get("0000000000000003").toString().contains("line 5: band_id EU_863_870,"
        + " but frequency plan US_902_928_FSB_2 is for band US_902_928"), rows.toString());
    assertTrue(rows.get("0000000000000004").toString().startsWith("line 6: "), rows.toString());
    assertEquals("device on line 7: an OTAA device needs join_eui, app_key; missing: join_eui",
        rows.get("0000000000000005"));
    assertTrue(rows.get("0000000000000006").toString().startsWith("device on line 8: an ABP"),
        rows.toString());
    assertTrue(rows.get("0000000000000007").toString().startsWith("line 9: no"
        + " frequency_plan_id; set --frequency-plan-id"), rows.toString());
    assertEquals(8, rows.size(), "rows read = exported + failed");
  }

  @Test
  void aDevEuiOnTwoLinesFailsBothNamingBoth() throws IOException {
    String row = ";0000000000000000;" + KEY + ";EU_863_870;1.0.3\n";
    Map<String, Object> rows = read("dev_eui;join_eui;app_key;frequency_plan_id;lorawan_version\n"
        + "00000000000000a1" + row + "00000000000000A1" + row);
    assertEquals(List.of("csv-line-2", "csv-line-3"), List.copyOf(rows.keySet()));
    assertEquals("line 3: DevEUI 00000000000000A1 is on lines 2 and 3; keep one of them in the"
        + " sheet", rows.get("csv-line-3"));
  }

  @Test
  void aLorawan11SessionCannotBeRead() throws IOException {
    Map<String, Object> rows = read("dev_eui;frequency_plan_id;lorawan_version;"
        + "lorawan_phy_version;dev_addr;app_s_key;f_nwk_s_int_key\n"
        + "0000000000000001;EU_863_870;MAC_V1_1;RP001_V1_1_REV_B;01020304;" + KEY + ";" + KEY
        + "\n");
    assertTrue(rows.get("0000000000000001").toString().contains("a LoRaWAN 1.1 session needs"
        + " s_nwk_s_int_key and nwk_s_enc_key"), rows.toString());
  }

  @Test
  void loriotSheetThroughAColumnMapByName() throws IOException {
    String sheet = "DevEUI,AppEUI,AppKey,title,devclass\n"
        + "70B3D57ED0000010,70B3D57ED0000000," + KEY + ",Door,A\n"
        + "70B3D57ED0000011,70B3D57ED0000000," + KEY + ",Siren,C\n";
    Map<String, Object> rows = read(sheet, "--columns", "dev_eui=DevEUI,join_eui=AppEUI,"
        + "app_key=AppKey,name=title,supports_class_c=devclass", "--frequency-plan-id",
        "EU_863_870_TTN", "--mac-version", "1.0.2b");
    EndDevice door = (EndDevice) rows.get("70b3d57ed0000010");
    EndDevice siren = (EndDevice) rows.get("70b3d57ed0000011");
    assertEquals("Door", door.getName());
    assertFalse(door.getSupportsClassC());
    assertTrue(siren.getSupportsClassC());
    assertEquals("EU_863_870_TTN", siren.getFrequencyPlanId());
    assertEquals(MACVersion.MAC_V1_0_2, siren.getLorawanVersion());
  }

  @Test
  void thingParkSheetThroughPositionsAndARowFilter() throws IOException {
    Path map = dir.resolve("thingpark.columns");
    Files.writeString(map, "# ThingPark's positional import file\ndev_eui=2\njoin_eui=4\n"
        + "app_key=5\nname=6\n");
    String sheet = "CREATE_OTAA;70B3D57ED0000020;LORA/GenericA.1.0.3a_ETSI;70B3D57ED0000000;"
        + KEY + ";Meter\n"
        + "REMOVE;70B3D57ED0000021;;;;\n"
        + "CREATE_ABP;70B3D57ED0000022;LORA/GenericA.1.0.3a_ETSI;;;Valve\n";
    Map<String, Object> rows = read(sheet, "--columns-file", map.toString(), "--where",
        "1=CREATE_OTAA", "--where", "1=CREATE_ABP", "--frequency-plan-id", "EU_863_870",
        "--mac-version", "1.0.3");
    assertEquals(List.of("70b3d57ed0000020", "70b3d57ed0000022"), List.copyOf(rows.keySet()));
    assertEquals("Meter", ((EndDevice) rows.get("70b3d57ed0000020")).getName());
    assertTrue(rows.get("70b3d57ed0000022").toString().startsWith("device on line 3: an ABP"),
        "the ABP row has no session columns mapped: " + rows);
  }

  @Test
  void aColumnMapMustMatchTheSheet() {
    String sheet = "DevEUI,AppKey\n0000000000000001," + KEY + "\n";
    assertTrue(assertThrows(ConfigException.class,
        () -> read(sheet, "--columns", "dev_eui=DevEUI,app_key=Key")).getMessage()
        .endsWith("has no column \"Key\"; its header is: DevEUI, AppKey"));
    assertTrue(assertThrows(ConfigException.class, () -> read(sheet, "--columns", "devEUI=1"))
        .getMessage().contains("\"devEUI\" is not a field of TTS's CSV format"));
    assertTrue(assertThrows(ConfigException.class,
        () -> read(sheet, "--columns", "dev_eui=1,app_key=AppKey")).getMessage()
        .contains("some columns by position and some by header"));
    assertTrue(assertThrows(ConfigException.class, () -> read(sheet)).getMessage()
        .contains("has no dev_eui column"));
  }

  @Test
  void namesDevicesByDevEuiHoweverWritten() throws IOException {
    Path csv = Files.createTempFile(dir, "sheet", ".csv");
    Files.writeString(csv, "dev_eui\n0000000000000001\n");
    CsvOptions options = new CsvOptions();
    new CommandLine(options).parseArgs("--csv-path", csv.toString(), "--app-id", "my-app");
    try (CsvSource source = new CsvSource(CsvConfig.from(options))) {
      assertEquals(new DeviceRef("my-app", "00000000000000a1"), source.resolve("A1"));
      assertEquals(new DeviceRef("my-app", "70b3d57ed0000001"),
          source.resolve("70-B3-D5-7E-D0-00-00-01"));
    }
  }
}
