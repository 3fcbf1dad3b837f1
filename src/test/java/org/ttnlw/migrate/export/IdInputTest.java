package org.ttnlw.migrate.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.source.IdSyntax;

class IdInputTest {
  private static List<String> read(String stdin) {
    IdInput input = IdInput.of("device", DeviceIds.SYNTAX,
        List.of(), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
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
        () -> IdInput.of("device", DeviceIds.SYNTAX, List.of("ok-id", "x"),
            new ByteArrayInputStream(new byte[0])));
    assertTrue(e.getMessage().contains("argument \"x\""), e.getMessage());
  }

  @Test
  void theSourcesSyntaxDecidesWhatIsValidAndWhatIsTheSameId() {
    IdSyntax hex = new IdSyntax() {
      @Override
      public String problem(String id) {
        return id.matches("[0-9a-fA-F]{4}") ? null : "four hex digits";
      }

      @Override
      public String canonical(String id) {
        return id.toLowerCase(Locale.ROOT);
      }
    };
    IdInput input = IdInput.of("device", hex, List.of(),
        new ByteArrayInputStream("AB12\nab12\nCD34\n".getBytes(StandardCharsets.UTF_8)));
    List<String> ids = new ArrayList<>();
    input.forEachRemaining(ids::add);
    assertEquals(List.of("ab12", "cd34"), ids);
    assertThrows(IdInput.InvalidInputException.class,
        () -> IdInput.of("device", hex, List.of("my-device"), InputStream.nullInputStream()));
  }
}
