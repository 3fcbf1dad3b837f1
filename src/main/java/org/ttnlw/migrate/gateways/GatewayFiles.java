package org.ttnlw.migrate.gateways;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.json.GatewayJsonFiles;

/**
 * Gateways of TTS JSON files ({@code import-gateways}), every record in order.
 *
 * @param stdin read when no file is given
 */
public record GatewayFiles(List<Path> files, InputStream stdin) implements GatewayJob.Reading {

  @Override
  public GatewaySource open(CallSettings context) {
    return new GatewayJsonFiles(files, stdin);
  }

  @Override
  public Iterator<GatewayRef> items(GatewaySource source) {
    return source.listAll();
  }

  @Override
  public boolean deletesSource() {
    return false;
  }

  @Override
  public boolean knowsLnsKeys() {
    return false;
  }
}
