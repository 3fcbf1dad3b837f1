package org.ttnlw.migrate.source.csv;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SheetSourceContract;

/**
 * The CSV source over a sheet in TTS's CSV format: an OTAA device and an ABP device with a
 * session. It changes nothing: disabling and deleting are refused, and the file is left as it
 * was.
 */
class CsvSourceContractTest extends SheetSourceContract {
  static final String SHEET = "id;dev_eui;join_eui;name;frequency_plan_id;lorawan_version;"
      + "lorawan_phy_version;app_key;dev_addr;app_s_key;f_nwk_s_int_key;last_f_cnt_up\r\n"
      + "sensor-1;70B3D57ED0000001;70B3D57ED0000000;Sensor \"one\";EU_863_870_TTN;MAC_V1_0_3;"
      + "PHY_V1_0_3_REV_A;000102030405060708090A0B0C0D0E0F;;;;\r\n"
      + ";00000000000000A2;;ABP;EU_863_870_TTN;MAC_V1_0_2;PHY_V1_0_2_REV_B;;260B0001;"
      + "101112131415161718191A1B1C1D1E1F;202122232425262728292A2B2C2D2E2F;42\r\n";

  @Override
  protected byte[] sheetBytes() {
    return SHEET.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected Source connect() {
    return open(new CsvSourcePlugin(), "--csv-path", sheet().toString(), "--app-id", "my-app");
  }

  @Override
  protected List<String> listedIds() {
    return List.of("70b3d57ed0000001", "00000000000000a2");
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of("00000000000000A2", "00000000000000a2", "a2", "00000000000000a2",
        "70-B3-D5-7E-D0-00-00-01", "70b3d57ed0000001", "70:b3:d5:7e:d0:00:00:01",
        "70b3d57ed0000001");
  }
}
