package org.ttnlw.migrate.pipeline;

import java.util.Arrays;
import java.util.List;
import org.ttnlw.migrate.core.ConfigException;

/** The formats an export writes ({@code --format}). */
public enum OutputFormat {
  /** TTS JSON lines, every field of the item. */
  JSON("json"),
  /** TTS's CSV device import format, which holds only some fields of a device. */
  TTS_CSV("tts-csv");

  private final String flagValue;

  OutputFormat(String flagValue) {
    this.flagValue = flagValue;
  }

  /** The format a {@code --format} value names. */
  public static OutputFormat named(String value) {
    return Arrays.stream(values()).filter(format -> format.flagValue.equals(value)).findFirst()
        .orElseThrow(() -> new ConfigException("--format " + value + ": the formats are "
            + String.join(", ", names())));
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(format -> format.flagValue).toList();
  }

  /**
   * How this format writes items of the kind {@code noun} ("device", "gateway").
   *
   * @throws ConfigException when the format does not hold that kind
   */
  public ItemLines lines(String noun) {
    if (this == JSON) {
      return new TtsJsonLines();
    }
    if (!noun.equals("device")) {
      throw new ConfigException("--format " + flagValue + " writes devices; " + noun
          + "s are written as TTS JSON (--format json)");
    }
    return new TtsCsvLines();
  }

  @Override
  public String toString() {
    return flagValue;
  }
}
