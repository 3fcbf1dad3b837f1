package org.ttnlw.migrate.source.wanesy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceContract;

/**
 * The Wanesy source over a WMC CSV export (the project's two-device sample). It changes nothing
 * in WMC: disabling and deleting are refused, and the file is left as it was.
 */
class WanesySourceContractTest extends SourceContract {
  @TempDir
  Path folder;
  private Path csv;
  private byte[] original;

  WanesySourceContractTest() {
    super(Change.REFUSED, Change.REFUSED);
  }

  @BeforeEach
  void copySample() throws IOException {
    try (InputStream sample = getClass().getResourceAsStream(
        "/org/ttnlw/migrate/sim/wanesy/two-devices.csv")) {
      original = sample.readAllBytes();
    }
    csv = folder.resolve("devices.csv");
    Files.write(csv, original);
  }

  @Override
  protected Source connect() {
    return open(new WanesySourcePlugin(), "--csv-path", csv.toString(), "--app-id", "my-app",
        "--frequency-plan-id", "EU_863_870");
  }

  @Override
  protected Iterator<DeviceRef> list(Source source) {
    return ((ListsAllSource) source).listAllDevices();
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

  @Override
  protected String missingId() {
    return "00000000000000FF";
  }

  @Override
  protected boolean isDisabled(DeviceRef device) {
    return fileChanged();
  }

  @Override
  protected boolean isDeleted(DeviceRef device) {
    return fileChanged();
  }

  private boolean fileChanged() {
    try {
      return !Arrays.equals(original, Files.readAllBytes(csv));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
