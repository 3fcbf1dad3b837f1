package org.ttnlw.migrate.source.json;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.source.GatewaySource;

/**
 * Gateways in TTS JSON ({@code gateway} output, {@code ttn-lw-cli gateways get}), read from files
 * one after another (or stdin), for {@code import-gateways}. Nothing is ever changed here.
 */
public final class GatewayJsonFiles extends JsonFileInput<GatewayRef, Gateway>
    implements GatewaySource {
  private static final JsonItemFiles.Kind<GatewayRef, Gateway> GATEWAYS =
      new JsonItemFiles.Kind<>("gateway", "ids.gateway_id", Gateway::newBuilder,
          gateway -> gateway.getIds().getGatewayId().isEmpty() ? null
              : new GatewayRef(gateway.getIds().getGatewayId()),
          (file, label) -> new GatewayRef(file + ":" + label));

  /** @param files read in order; with none, stdin is read */
  public GatewayJsonFiles(List<Path> files, InputStream stdin) {
    super(new JsonItemFiles<>(files, stdin, GATEWAYS));
  }

  /** Nothing to ask: each file is opened as its turn comes, and a file that fails is named. */
  @Override
  public void preflight() {}

  @Override
  public GatewayRef resolve(String id) {
    throw new UnsupportedOperationException("import-gateways reads gateways, not gateway IDs");
  }

  @Override
  public Iterator<GatewayRef> listAll() {
    return files.items();
  }
}
