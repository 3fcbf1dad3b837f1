package org.ttnlw.migrate.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdInputTest {
  private static List<String> read(String stdin) {
    IdInput input = IdInput.of("device",
        List.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        DeviceIds::problem);
    List<String> ids = new ArrayList<>();
    input.forEachRemaining(ids::add);
    return ids;
  }

  @Test
  void toleratesCrlfBlankLinesSpacesAndByteOrderMark() {
    assertEquals(List.of("dev-1", "dev-2", "dev-3"),
        read("\uFEFFdev-1\r\n\r\n  dev-2  \r\n\n\tdev-3"));
  }

  @Test
  void duplicatesAreExportedOnce() {
    assertEquals(List.of("dev-1", "dev-2"), read("dev-1\ndev-2\ndev-1\n"));
  }

  @Test
  void invalidIdOnStdinNamesItsLine() {
    IdInput.InvalidInputException e = assertThrows(IdInput.InvalidInputException.class,
        () -> read("dev-1\n\nBad_ID\n"));
    assertTrue(e.getMessage().startsWith("stdin line 3: \"Bad_ID\" is not a valid device ID"),
        e.getMessage());
  }

  @Test
  void binaryGarbageIsShownEscaped() {
    IdInput.InvalidInputException e = assertThrows(IdInput.InvalidInputException.class,
        () -> read("\u0000\u0001abc\n"));
    assertTrue(e.getMessage().contains("\\u0000\\u0001abc"), e.getMessage());
  }

  @Test
  void hugeLineIsRejectedWithoutEchoingIt() {
    IdInput.InvalidInputException e = assertThrows(IdInput.InvalidInputException.class,
        () -> read("a".repeat(1_000_000) + "\n"));
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  @Test
  void argumentsAreCheckedBeforeAnythingIsRead() {
    IdInput.InvalidInputException e = assertThrows(IdInput.InvalidInputException.class,
        () -> IdInput.of("device", List.of("ok-id", "x"), new ByteArrayInputStream(new byte[0]),
            DeviceIds::problem));
    assertTrue(e.getMessage().contains("argument \"x\""), e.getMessage());
  }

  @Test
  void theSourceDecidesWhatAnIdIs() {
    IdInput input = IdInput.of("device", List.of("0004A30B001C0530"),
        new ByteArrayInputStream(new byte[0]), id -> id.matches("[0-9A-Fa-f]{16}") ? null : "no");
    assertEquals("0004A30B001C0530", input.next());
  }
}
