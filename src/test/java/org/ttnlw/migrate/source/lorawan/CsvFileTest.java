package org.ttnlw.migrate.source.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one CSV reader of the file-based sources: separators, BOM, CRLF, quotes, no header. */
class CsvFileTest {
  @TempDir
  Path dir;

  private Path file(String text) throws IOException {
    Path file = Files.createTempFile(dir, "sheet", ".csv");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  @Test
  void theTwoSeparatorRulesDifferOnlyWhenTheHeaderHasBoth() throws IOException {
    Path both = file("a;b,c\n1;2,3\n");
    assertEquals(List.of("a", "b,c"),
        CsvFile.read(both, CsvFile.Separator.SEMICOLON_IF_ANY).header());
    assertEquals(List.of("a;b", "c"),
        CsvFile.read(both, CsvFile.Separator.COMMA_UNLESS_ONLY_SEMICOLONS).header());
    Path semicolons = file("a;b\n1;2\n");
    for (CsvFile.Separator rule : CsvFile.Separator.values()) {
      assertEquals(List.of("a", "b"), CsvFile.read(semicolons, rule).header());
    }
  }

  @Test
  void skipsTheByteOrderMarkAndReadsCrlfAndQuotedCells() throws IOException {
    CsvFile.Sheet sheet = CsvFile.read(file("\uFEFFname;note\r\n\"a;b\";\"say \"\"hi\"\"\r\n"
        + "twice\"\r\n\r\nc;d\r\n"), CsvFile.Separator.SEMICOLON_IF_ANY);
    assertEquals(List.of("name", "note"), sheet.header());
    assertEquals(2, sheet.rows().size());
    CsvFile.Row first = sheet.rows().get(0);
    assertEquals("a;b", first.get("name"));
    assertEquals("say \"hi\"\ntwice", first.get("note"));
    assertEquals(2, first.line());
    assertNull(first.problem());
    assertEquals(5, sheet.rows().get(1).line(), "the blank line is skipped, and counted");
  }

  @Test
  void withoutHeaderEveryRecordIsARowAndColumnsArePositions() throws IOException {
    CsvFile.Sheet sheet = CsvFile.withoutHeader(file("x,1\ny,2,extra\n"),
        CsvFile.Separator.COMMA_UNLESS_ONLY_SEMICOLONS);
    assertEquals(List.of("1", "2", "3"), sheet.header());
    assertEquals(List.of(1, 2), sheet.rows().stream().map(CsvFile.Row::line).toList());
    assertEquals("y", sheet.rows().get(1).get("1"));
    assertEquals("extra", sheet.rows().get(1).get("3"));
    assertEquals("", sheet.rows().get(0).get("3"));
  }
}
