package org.ttnlw.migrate.source.wanesy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SheetSourceContract;

/**
 * The Wanesy source over a WMC CSV export (the project's two-device sample). It changes nothing
 * in WMC: disabling and deleting are refused, and the file is left as it was.
 */
class WanesySourceContractTest extends SheetSourceContract {
  @Override
  protected byte[] sheetBytes() throws IOException {
    try (InputStream sample = getClass().getResourceAsStream(
        "/org/ttnlw/migrate/sim/wanesy/two-devices.csv")) {
      return sample.readAllBytes();
    }
  }

  @Override
  protected Source connect() {
    return open(new WanesySourcePlugin(), "--csv-path", sheet().toString(), "--app-id", "my-app",
        "--frequency-plan-id", "EU_863_870");
  }

  @Override
  protected List<String> listedIds() {
    return List.of("1111111111111111", "00000000000000a2");
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of("00000000000000A2", "00000000000000a2", "a2", "00000000000000a2",
        "1111111111111111", "1111111111111111");
  }
}
