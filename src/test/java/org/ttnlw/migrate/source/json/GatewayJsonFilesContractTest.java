package org.ttnlw.migrate.source.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.GatewaySourceContract;

/**
 * The gateway JSON that {@code import-gateways} reads, as {@code gateway} writes it. It takes
 * no gateway IDs, reads each record once and is never changed: deleting does nothing.
 */
class GatewayJsonFilesContractTest extends GatewaySourceContract {
  @TempDir
  Path folder;
  private Path file;
  private String before;

  GatewayJsonFilesContractTest() {
    super(false);
  }

  @BeforeEach
  void writeFile() throws IOException {
    file = folder.resolve("gateways.json");
    before = SampleGateways.all().stream().map(TtsJson.instance()::toJson)
        .collect(Collectors.joining("\n", "", "\n"));
    Files.writeString(file, before);
  }

  @Override
  protected GatewaySource connect() {
    return new GatewayJsonFiles(List.of(file), InputStream.nullInputStream());
  }

  @Override
  protected List<String> listedIds() {
    return SampleGateways.all().stream().map(gateway -> gateway.getIds().getGatewayId()).toList();
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of();
  }

  @Override
  protected String missingId() {
    return "not-in-the-file";
  }

  @Override
  protected boolean readsEachOnce() {
    return true;
  }

  @Override
  protected boolean isDeleted(GatewayRef gateway) {
    try {
      return !Files.readString(file).equals(before);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
