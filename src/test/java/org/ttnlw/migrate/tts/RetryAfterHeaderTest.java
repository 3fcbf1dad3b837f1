package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Metadata;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryAfterHeaderTest {
  private static Metadata retry(String value) {
    Metadata metadata = new Metadata();
    metadata.put(Metadata.Key.of("x-rate-limit-retry", Metadata.ASCII_STRING_MARSHALLER), value);
    return metadata;
  }

  @Test
  void readsSecondsFromHeadersOrElseTrailers() {
    assertEquals(Duration.ofSeconds(3), RetryAfterHeader.in(retry("3"), retry("9")));
    assertEquals(Duration.ofSeconds(9), RetryAfterHeader.in(new Metadata(), retry(" 9 ")));
    assertEquals(Duration.ofSeconds(9), RetryAfterHeader.in(new Metadata(), null, retry("9")));
  }

  @Test
  void absentOrUnreadableAsksForNoPause() {
    assertEquals(Duration.ZERO, RetryAfterHeader.in(new Metadata(), null));
    assertEquals(Duration.ZERO, RetryAfterHeader.in(retry("soon"), retry("-1")));
  }
}
