package org.ttnlw.migrate.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlagValuesTest {
  @Test
  void blankIsNotGiven() {
    assertEquals(Optional.empty(), FlagValues.given(null));
    assertEquals(Optional.empty(), FlagValues.given(" \t"));
    assertEquals(Optional.of("eu1.cloud"), FlagValues.given(" eu1.cloud\n"));
  }

  @Test
  void aRequiredBlankValueFailsWithTheGivenMessage() {
    assertEquals("app1", FlagValues.required(" app1 ", "no app"));
    ConfigException e = assertThrows(ConfigException.class,
        () -> FlagValues.required("", "no TTS application ID: set --app-id"));
    assertEquals("no TTS application ID: set --app-id", e.getMessage());
  }
}
