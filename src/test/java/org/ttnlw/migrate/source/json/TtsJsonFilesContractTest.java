package org.ttnlw.migrate.source.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceContract;

/**
 * The TTS JSON files that {@code import} reads, as written by an export. They take no device
 * IDs, read each record once, and are never changed: disabling and deleting do nothing.
 */
class TtsJsonFilesContractTest extends SourceContract {
  @TempDir
  Path folder;
  private Path first;
  private Path second;
  private byte[] before;

  TtsJsonFilesContractTest() {
    super(Change.NOTHING, Change.NOTHING);
  }

  @BeforeEach
  void writeFiles() throws IOException {
    first = folder.resolve("first.json");
    second = folder.resolve("second.json");
    Files.writeString(first, lines(SampleDevices.application("my-app", 5).subList(2, 5)));
    Files.writeString(second, lines(List.of(SampleDevices.abp("other-app", "alpha", 9))));
    before = contents();
  }

  private static String lines(List<? extends com.google.protobuf.Message> items) {
    return items.stream().map(TtsJson.instance()::toJson)
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private byte[] contents() throws IOException {
    byte[] a = Files.readAllBytes(first);
    byte[] b = Files.readAllBytes(second);
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Override
  protected Source connect() {
    return new TtsJsonFiles(List.of(first, second), InputStream.nullInputStream());
  }

  @Override
  protected Iterator<DeviceRef> list(Source source) {
    return ((TtsJsonFiles) source).devices();
  }

  @Override
  protected List<String> listedIds() {
    return List.of("device-00003", "device-00004", "device-00005", "alpha");
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of();
  }

  @Override
  protected String missingId() {
    return "not-in-the-files";
  }

  @Override
  protected boolean readsEachOnce() {
    return true;
  }

  @Override
  protected boolean isDisabled(DeviceRef device) {
    return filesChanged();
  }

  @Override
  protected boolean isDeleted(DeviceRef device) {
    return filesChanged();
  }

  private boolean filesChanged() {
    try {
      return !Arrays.equals(before, contents());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
