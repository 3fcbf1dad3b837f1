package org.ttnlw.migrate.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * Writes devices as TTS JSON, one device per line, each line flushed before
 * {@link #write} returns: once it has, the device is out of this process.
 */
public final class DeviceWriter {
  private final OutputStream out;
  private final TtsJson json = TtsJson.instance();

  public DeviceWriter(OutputStream out) {
    this.out = out;
  }

  public void write(EndDevice device) throws IOException {
    byte[] line = (json.toJson(device) + "\n").getBytes(StandardCharsets.UTF_8);
    out.write(line);
    out.flush();
  }
}
