package org.ttnlw.migrate.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.core.IdSyntax;

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
  void everyInvalidIdOnStdinIsListedWithItsLine() {
    IdInput.InvalidInputException e = assertThrows(IdInput.InvalidInputException.class,
        () -> read("dev-1\n\nBad_ID\r\ndev-2\nno way\n"));
    assertEquals("2 invalid device IDs on stdin; nothing was exported or changed:\n"
        + "  stdin line 3: \"Bad_ID\" is not a valid device ID: " + DeviceIds.problem("Bad_ID")
        + "\n  stdin line 5: \"no way\" is not a valid device ID: " + DeviceIds.problem("no way"),
        e.getMessage());
  }

  @Test
  void allOfStdinIsReadBeforeTheFirstIdIsGiven() {
    InputStream tooLate = new InputStream() {
      private final byte[] head = "dev-1\ndev-2\n".getBytes(StandardCharsets.UTF_8);
      private int position;

      @Override
      public int read() {
        if (position < head.length) {
          return head[position++];
        }
        throw new UncheckedIOException(new IOException("read past the IDs"));
      }
    };
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> IdInput.of("device", DeviceIds.SYNTAX, List.of(), tooLate));
    assertEquals("read past the IDs", e.getCause().getMessage());
  }

  @Test
  void fiftyThousandIdsAreReadInOrderOnceEach() {
    StringBuilder stdin = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      stdin.append("device-").append(i).append("\r\n");
    }
    stdin.append("device-7\n");
    List<String> ids = read(stdin.toString());
    assertEquals(50_000, ids.size());
    assertEquals("device-0", ids.get(0));
    assertEquals("device-49999", ids.get(49_999));
  }

  @Test
  void emptyStdinSaysWhatIsExpected() {
    IdInput.InvalidInputException e = assertThrows(IdInput.InvalidInputException.class,
        () -> read("\r\n  \n"));
    assertTrue(e.getMessage().startsWith("no device IDs: give them as arguments"), e.getMessage());
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
    assertTrue(e.getMessage().endsWith("stdin line 1: not a device ID (1000000 characters)"),
        e.getMessage());
    assertTrue(e.getMessage().length() < 200, e.getMessage());
  }

  @Test
  void anIdOfTheLongestLineLengthWithCrlfIsJudgedByItsSyntax() {
    IdInput.InvalidInputException e = assertThrows(IdInput.InvalidInputException.class,
        () -> read("a".repeat(1024) + "\r\n"));
    assertTrue(e.getMessage().contains("is not a valid device ID"), e.getMessage());
  }

  @Test
  void anEmptyArgumentIsInvalid() {
    assertThrows(IdInput.InvalidInputException.class, () -> IdInput.of("device",
        DeviceIds.SYNTAX, List.of("dev-1", ""), InputStream.nullInputStream()));
  }

  @Test
  void argumentsAreCheckedBeforeAnythingIsRead() {
    IdInput.InvalidInputException e = assertThrows(IdInput.InvalidInputException.class,
        () -> IdInput.of("device", DeviceIds.SYNTAX, List.of("ok-id", "x"),
            new ByteArrayInputStream(new byte[0])));
    assertTrue(e.getMessage().contains("among the arguments")
        && e.getMessage().contains("argument \"x\""), e.getMessage());
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

  @Test
  void aFileOfIdsIsReadAsStdinAndItsProblemsNameTheFlagAndFile(@TempDir Path folder)
      throws IOException {
    Path file = folder.resolve("wave-1.txt");
    Files.writeString(file, "dev-1\r\nBad_ID\n");
    IdInput.InvalidInputException invalid = assertThrows(IdInput.InvalidInputException.class,
        () -> IdInput.ofFile("device", DeviceIds.SYNTAX, file, "--ids-file"));
    assertEquals("1 invalid device ID in --ids-file " + file + "; nothing was exported or"
        + " changed:\n  --ids-file " + file + " line 2: \"Bad_ID\" is not a valid device ID: "
        + DeviceIds.problem("Bad_ID"), invalid.getMessage());

    Files.writeString(file, "\n\n");
    assertEquals("no device IDs in --ids-file " + file + ": write one per line",
        assertThrows(IdInput.InvalidInputException.class,
            () -> IdInput.ofFile("device", DeviceIds.SYNTAX, file, "--ids-file")).getMessage());

    Path missing = folder.resolve("missing.txt");
    assertEquals("cannot read --ids-file " + missing + " (no such file)",
        assertThrows(IdInput.InvalidInputException.class,
            () -> IdInput.ofFile("device", DeviceIds.SYNTAX, missing, "--ids-file"))
            .getMessage());

    Files.writeString(file, "dev-2\ndev-1\n");
    assertEquals(List.of("dev-2", "dev-1"),
        IdInput.ofFile("device", DeviceIds.SYNTAX, file, "--ids-file").all());
  }
}
