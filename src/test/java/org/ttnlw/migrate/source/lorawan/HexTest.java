package org.ttnlw.migrate.source.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.ItemRejectedException;

class HexTest {
  @Test
  void emptyIsMissingNeverZeroBytes() {
    assertEquals(Optional.empty(), Hex.parse("", 16, "AppKey"));
    assertEquals(Optional.empty(), Hex.parse("  ", 16, "AppKey"));
    assertEquals(Optional.empty(), Hex.parse(null, 16, "AppKey"));
    assertEquals(Optional.empty(), Hex.parsePadded("d", "", 4, "DevAddr"));
  }

  @Test
  void eitherCaseIsRead() {
    assertEquals("0004a30b001c0530",
        Hex.format(Hex.parse("0004A30B001C0530", 8, "DevEUI").orElseThrow()));
    assertEquals("0004a30b001c0530",
        Hex.format(Hex.parse(" 0004a30b001c0530 ", 8, "DevEUI").orElseThrow()));
  }

  @Test
  void wrongLengthOrDigitsAreRefusedNamingTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Hex.parse("1234567", 4, "DevAddr (dev_addr)"));
    assertEquals("DevAddr (dev_addr) is not 8 hex digits (it has 7 characters)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Hex.parse("0g000000", 4, "DevAddr"));
    assertThrows(IllegalArgumentException.class, () -> Hex.parse("０1234567", 4, "DevAddr"));
  }

  @Test
  void lostLeadingZerosArePaddedBack() {
    assertEquals("01234567", Hex.format(Hex.parsePadded("d", "1234567", 4, "DevAddr")
        .orElseThrow()));
    assertEquals("00000000000000a2", Hex.format(Hex.parsePadded("d", "A2", 8, "DevEUI")
        .orElseThrow()));
    assertThrows(IllegalArgumentException.class,
        () -> Hex.parsePadded("d", "1.23E+15", 8, "DevEUI"));
  }

  @Test
  void missingValuesAreNamedTogether() {
    MissingValues missing = new MissingValues()
        .need("JoinEUI", Optional.of(1))
        .need("AppKey (appKey)", Optional.empty());
    ItemRejectedException e = assertThrows(ItemRejectedException.class,
        () -> missing.orReject("1111111111111111", "an OTAA device"));
    assertEquals("device 1111111111111111: an OTAA device needs JoinEUI, AppKey (appKey);"
        + " missing: AppKey (appKey)", e.getMessage());
    new MissingValues().need("x", Optional.of(1)).orReject("d", "it");
    assertTrue(missing.anyMissing());
  }
}
