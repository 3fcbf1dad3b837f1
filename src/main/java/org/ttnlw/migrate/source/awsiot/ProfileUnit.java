package org.ttnlw.migrate.source.awsiot;

/**
 * How a device profile integer is encoded, and how it becomes TTS's value. The ranges are the
 * service model's; a value outside its range (a frequency in Hz, say) is refused rather than
 * scaled into nonsense.
 */
enum ProfileUnit {
  /** LoRaWAN's 24-bit frequency encoding: 100 Hz steps, 100 MHz to 1.67 GHz. TTS wants Hz. */
  HUNDRED_HZ(1_000_000, 16_700_000) {
    @Override
    long toTts(long value) {
      return value * 100;
    }
  },
  /** Class B and C timeouts, 0 to 1000 seconds; TTS takes a duration in seconds. */
  SECONDS(0, 1000),
  /**
   * A class B ping period in 30 ms slots, 2^5 (1 s) to 2^12 (128 s); TTS takes the periodicity
   * k of 2^(5+k) slots: PING_EVERY_1S = 0 ... PING_EVERY_128S = 7.
   */
  PING_SLOTS(32, 4096) {
    @Override
    long toTts(long value) {
      if (Long.bitCount(value) != 1) {
        throw new IllegalArgumentException("is not a power of two, so no ping periodicity");
      }
      return Long.numberOfTrailingZeros(value) - 5;
    }
  },
  /** A data rate index, 0 to 15, as is. */
  DATA_RATE(0, 15),
  /** RX1 data rate offset, 0 to 7, as is. */
  DATA_RATE_OFFSET(0, 7),
  /** RX1 delay in seconds, 0 to 15, as is (TTS's RX_DELAY_n; 0 means 1 s, as in LoRaWAN). */
  RX_DELAY(0, 15);

  private final long min;
  private final long max;

  ProfileUnit(long min, long max) {
    this.min = min;
    this.max = max;
  }

  long toTts(long value) {
    return value;
  }

  /** The value TTS gets for {@code member} = {@code value}, checked against the model's range. */
  long convert(String member, long value) {
    if (value < min || value > max) {
      throw new ProfileValueException(member, value, "is outside AWS's range " + min + "-" + max
          + (this == HUNDRED_HZ && value > max ? " of 100 Hz units (is it in Hz?)" : ""));
    }
    try {
      return toTts(value);
    } catch (IllegalArgumentException e) {
      throw new ProfileValueException(member, value, e.getMessage());
    }
  }
}
