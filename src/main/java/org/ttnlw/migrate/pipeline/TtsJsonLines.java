package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Message;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.json.TtsJson;

/** TTS JSON, one object a line, no header: what {@code import} and TTS's tools read. */
final class TtsJsonLines implements ItemLines {
  private final TtsJson json = TtsJson.instance();

  @Override
  public String header() {
    return "";
  }

  @Override
  public String line(Message item) {
    try {
      return json.toJson(item) + "\n";
    } catch (RuntimeException e) {
      throw new ItemRejectedException("cannot be written as TTS JSON: " + e.getMessage());
    }
  }
}
