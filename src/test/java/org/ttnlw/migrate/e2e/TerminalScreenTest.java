package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The screen model of {@link ProgressTerminalIT} sees what an operator would. */
class TerminalScreenTest {
  private static final String CLEAR = "\r\u001b[K";
  private static final String WIDE = "exported 313 of 3001, downlinks disabled 307, failed 0; 44"
      + " devices/s, about 58 s left";

  @Test
  void aLineWiderThanTheTerminalRedrawnInPlaceIsCaught() {
    TerminalScreen screen = TerminalScreen.replay(CLEAR + WIDE + CLEAR + WIDE + CLEAR
        + "ttn-lw-migrate: done\r\n", 80);
    assertFalse(screen.violations().isEmpty());
  }

  @Test
  void aFittedLineRedrawnThenClearedLeavesOnlyTheMessages() {
    String fitted = WIDE.substring(0, 79);
    TerminalScreen screen = TerminalScreen.replay(CLEAR + fitted + CLEAR + "WARN  a message"
        + " longer than the terminal is wide, which wraps as any message does, and that is"
        + " fine\r\n" + CLEAR + fitted + CLEAR + "ttn-lw-migrate: done\r\n", 80);
    assertEquals(List.of(), screen.violations());
    assertEquals(List.of("WARN  a message longer than the terminal is wide, which wraps as any"
        + " message doe", "s, and that is fine", "ttn-lw-migrate: done"), screen.rows());
    assertEquals(4, screen.erases());
  }

  @Test
  void aRowRewrittenAfterTheCursorLeftItIsCaught() {
    TerminalScreen screen = TerminalScreen.replay("one\r\ntwo\r\n\u001b[2Aagain", 80);
    assertFalse(screen.violations().isEmpty());
  }
}
