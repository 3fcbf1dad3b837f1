package org.ttnlw.migrate.source.firefly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestPacerTest {
  @Test
  void noWindowHoldsMoreStartsThanTheLimit() {
    RequestPacer pacer = new RequestPacer(3, Duration.ofMillis(1000));
    assertEquals(0, pacer.reserve(0));
    assertEquals(0, pacer.reserve(10));
    assertEquals(0, pacer.reserve(20));
    assertEquals(980, pacer.reserve(20), "the 4th waits until the 1st leaves the window");
    assertEquals(1000, pacer.reserve(10), "then until the 2nd does");
    assertEquals(0, pacer.reserve(5000));
  }

  @Test
  void fireflyAllows50In10Seconds() {
    RequestPacer pacer = RequestPacer.firefly();
    for (int i = 0; i < 50; i++) {
      assertEquals(0, pacer.reserve(0));
    }
    assertEquals(10_000, pacer.reserve(0));
  }
}
