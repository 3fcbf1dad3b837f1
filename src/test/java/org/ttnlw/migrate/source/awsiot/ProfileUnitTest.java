package org.ttnlw.migrate.source.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every unit of the conversion table, at its edges and just past them. */
class ProfileUnitTest {
  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
      "HUNDRED_HZ, 1000000, 100000000",
      "HUNDRED_HZ, 8681000, 868100000",
      "HUNDRED_HZ, 9233000, 923300000",
      "HUNDRED_HZ, 16700000, 1670000000",
      "SECONDS, 0, 0",
      "SECONDS, 1, 1",
      "SECONDS, 1000, 1000",
      "PING_SLOTS, 32, 0",
      "PING_SLOTS, 64, 1",
      "PING_SLOTS, 128, 2",
      "PING_SLOTS, 256, 3",
      "PING_SLOTS, 512, 4",
      "PING_SLOTS, 1024, 5",
      "PING_SLOTS, 2048, 6",
      "PING_SLOTS, 4096, 7",
      "DATA_RATE, 0, 0",
      "DATA_RATE, 15, 15",
      "DATA_RATE_OFFSET, 0, 0",
      "DATA_RATE_OFFSET, 7, 7",
      "RX_DELAY, 0, 0",
      "RX_DELAY, 15, 15"})
  void converts(ProfileUnit unit, long aws, long tts) {
    assertEquals(tts, unit.convert("Member", aws));
  }

  @ParameterizedTest(name = "{0} {1} refused")
  @CsvSource({
      "HUNDRED_HZ, 999999, outside AWS's range",
      "HUNDRED_HZ, 16700001, (is it in Hz?)",
      "HUNDRED_HZ, 923300000, (is it in Hz?)",
      "SECONDS, -1, outside AWS's range",
      "SECONDS, 1001, outside AWS's range",
      "PING_SLOTS, 31, outside AWS's range",
      "PING_SLOTS, 96, not a power of two",
      "PING_SLOTS, 4097, outside AWS's range",
      "PING_SLOTS, 8192, outside AWS's range",
      "DATA_RATE, 16, outside AWS's range",
      "DATA_RATE_OFFSET, 8, outside AWS's range",
      "RX_DELAY, 16, outside AWS's range"})
  void refusesWhatItCannotConvertFaithfully(ProfileUnit unit, long aws, String why) {
    ProfileValueException e = assertThrows(ProfileValueException.class,
        () -> unit.convert("Member", aws));
    assertTrue(e.getMessage().startsWith("device profile member Member = " + aws + " "),
        e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
