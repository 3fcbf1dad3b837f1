package org.ttnlw.migrate.source.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ttnlw.migrate.core.ConfigException;

class FrameCountersTest {
  @TempDir
  Path dir;

  private FrameCounters read(String text) throws Exception {
    return FrameCounters.read(Files.writeString(dir.resolve("counters.csv"), text));
  }

  @Test
  void readsDevEuiUpAndDownWithAnOptionalHeaderInAnyCase() throws Exception {
    FrameCounters counters = read("\uFEFFDevEUI,FCntUp,FCntDown\r\n"
        + "A84041000181C61A, 12, 3\r\n\r\n70b3d57ed0000002,4294967295,0\n");
    assertEquals(Optional.of(new FrameCounters.Counters(12, 3)), counters.of("a84041000181c61a"));
    assertEquals(Optional.of(new FrameCounters.Counters(4294967295L, 0)),
        counters.of("70B3D57ED0000002"));
    assertEquals(Optional.empty(), counters.of("0000000000000000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"A84041000181C61A,1", "A84041000181C6,1,2", "A84041000181C61A,-1,2",
      "A84041000181C61A,1,4294967296", "A84041000181C61A,x,2",
      "A84041000181C61A,1,2\nA84041000181C61A,3,4"})
  void refusesLinesItCannotTrustNamingTheLine(String text) {
    ConfigException e = assertThrows(ConfigException.class, () -> read(text));
    assertTrue(e.getMessage().contains("counters.csv line "), e.getMessage());
  }
}
