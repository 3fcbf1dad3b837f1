package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * {@code import} never loses the record after a broken one: each kind of broken record, between
 * two good devices, in each shape of input; the broken one is named by file and line, both good
 * ones are created, and the summary accounts for every record.
 */
class ImportRecordsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern RECORDS = Pattern.compile("read (\\d+) records?: (.*)");

  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(0);

  @TempDir
  Path folder;

  /** What a crash, {@code head -c} or a careless edit leaves on one line. */
  enum Broken {
    TRUNCATED("{\"ids\":{\"device_id\":\"b2\",\"dev_eui\":\"70B3D57ED0000099\"},\"name\":\"x\","),
    UNCLOSED_STRING("{\"ids\":{\"device_id\":\"b2\", \"broken"),
    UNCLOSED_BRACE("{\"ids\":{\"device_id\":\"b2\"}"),
    STRAY_BRACE("}"),
    BINARY("\u0000\u0001{\"\u00ff\u00fe\u001b[2J\u0080}");

    final String text;

    Broken(String text) {
      this.text = text;
    }

    /** The line's bytes: binary garbage is not UTF-8 (each char above U+007F is one byte). */
    byte[] bytes() {
      return this == BINARY ? text.getBytes(StandardCharsets.ISO_8859_1)
          : text.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The shapes exporters write. */
  enum Shape {
    JSON_LINES, ARRAY_ONE_PER_LINE, PRETTY_OBJECTS, PRETTY_ARRAY;

    boolean array() {
      return this == ARRAY_ONE_PER_LINE || this == PRETTY_ARRAY;
    }

    boolean pretty() {
      return this == PRETTY_OBJECTS || this == PRETTY_ARRAY;
    }
  }

  /** A file being written in a shape, counting lines to know where each record starts. */
  private static final class ShapedFile {
    final Shape shape;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int line = 1;
    int entries;

    ShapedFile(Shape shape) {
      this.shape = shape;
      if (shape.array()) {
        text("[\n");
      }
    }

    void text(String text) {
      bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      line += (int) text.chars().filter(c -> c == '\n').count();
    }

    String indent() {
      return shape == Shape.PRETTY_ARRAY ? "  " : "";
    }

    void separate() {
      if (entries++ > 0) {
        text(shape.array() ? ",\n" : "\n");
      }
    }

    void device(EndDevice device) throws Exception {
      separate();
      String json = TtsJson.instance().toJson(device);
      if (shape.pretty()) {
        json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(MAPPER.readTree(json))
            .lines().map(l -> indent() + l).collect(Collectors.joining("\n"));
      }
      text(json);
    }

    /** Returns the line the broken record is on. */
    int broken(byte[] line) {
      separate();
      int at = this.line;
      text(indent());
      bytes.writeBytes(line);
      return at;
    }

    Path write(Path path) throws Exception {
      text(shape.array() ? "\n]\n" : "\n");
      return Files.write(path, bytes.toByteArray());
    }
  }

  private static EndDevice device(String id, int index) {
    return SampleDevices.otaaNotJoined("my-app", id, index);
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void eachBrokenLineFailsAloneAndTheNextDeviceIsImported(Shape shape) throws Exception {
    for (boolean continueOnError : List.of(false, true)) {
      String run = continueOnError ? "c" : "s";
      List<String> args = new ArrayList<>(List.of("import"));
      if (continueOnError) {
        args.add("--continue-on-error");
      }
      List<String> named = new ArrayList<>();
      List<String> good = new ArrayList<>();
      for (Broken kind : Broken.values()) {
        int index = 100 * (continueOnError ? 2 : 1) + 10 * kind.ordinal();
        String before = run + "-" + kind.ordinal() + "-before";
        String after = run + "-" + kind.ordinal() + "-after";
        ShapedFile file = new ShapedFile(shape);
        file.device(device(before, index + 1));
        int line = file.broken(kind.bytes());
        file.device(device(after, index + 2));
        Path path = file.write(folder.resolve(run + "-" + kind + ".json"));
        args.add(path.toString());
        named.add(path + " line " + line + ": not a TTS device");
        good.add(before);
        good.add(after);
      }

      CliRun.Result result = tts.run(args.toArray(String[]::new));

      assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
      for (String name : named) {
        assertTrue(result.stderr().contains(name), name + "\n" + result.stderr());
      }
      for (String id : good) {
        tts.inTarget(TtsServer.IDENTITY_SERVER, id);
        tts.inTarget(TtsServer.NETWORK_SERVER, id);
      }
      assertEquals(10, result.devices().size(), result.toString());
      assertRecords(result, 15, "created 10, failed 5, skipped 0");
    }
  }

  /** The records line, checked to add up. */
  private static void assertRecords(CliRun.Result result, int read, String counts) {
    Matcher line = RECORDS.matcher(result.stderr());
    assertTrue(line.find(), result.stderr());
    assertEquals(read + " / " + counts, line.group(1) + " / " + line.group(2), result.stderr());
    long sum = Pattern.compile("(\\d+)(?: \\(imported once\\))?(?:,|$)").matcher(line.group(2))
        .results().mapToLong(m -> Long.parseLong(m.group(1))).sum();
    assertEquals(read, sum, "the counts add up to the records read: " + line.group());
  }

  @Test
  void aDryRunCountsTheSameRecordsAndCreatesNothing() throws Exception {
    ShapedFile file = new ShapedFile(Shape.JSON_LINES);
    file.device(device("one", 1));
    file.broken(Broken.UNCLOSED_STRING.bytes());
    file.device(device("two", 2));
    file.device(device("one", 1));
    Path path = file.write(folder.resolve("devices.json"));

    CliRun.Result result = tts.run("import", "--dry-run", path.toString());

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertRecords(result, 4, "would be created 2, failed 1, skipped 0, repeated 1 (imported once)");
    assertFalse(tts.anywhereInTarget("one"));
    CliRun.Result real = tts.run("import", path.toString());
    assertRecords(real, 4, "created 2, failed 1, skipped 0, repeated 1 (imported once)");
    CliRun.Result again = tts.run("import", path.toString());
    assertRecords(again, 4, "already in the target 2, failed 1, skipped 0, repeated 1 (imported"
        + " once)");
  }

  @Test
  void bytesThatAreNotUtf8FailTheirRecordByLine() throws Exception {
    String good = TtsJson.instance().toJson(device("good", 1));
    String latin1 = TtsJson.instance().toJson(device("cafe", 2).toBuilder().setName("Caf\u00e9")
        .build());
    Path lines = Files.write(folder.resolve("lines.json"), (good + "\n" + latin1 + "\n"
        + TtsJson.instance().toJson(device("next", 3)) + "\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
        MAPPER.readTree(latin1));
    Path objects = Files.write(folder.resolve("pretty.json"), (pretty + "\n"
        + TtsJson.instance().toJson(device("last", 4)) + "\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    int nameLine = 1 + (int) pretty.lines().takeWhile(l -> !l.contains("Caf")).count();

    CliRun.Result result = tts.run("import", lines.toString(), objects.toString());

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains(lines + " line 2: not a TTS device: not UTF-8 text"
        + " (byte 0xE9"), result.stderr());
    assertTrue(result.stderr().contains(objects + " line 1: not a TTS device: line " + nameLine
        + " is not UTF-8 text (byte 0xE9"), result.stderr());
    assertFalse(result.stderr().contains("MalformedInput"), result.stderr());
    for (String id : List.of("good", "next", "last")) {
      tts.inTarget(TtsServer.IDENTITY_SERVER, id);
    }
    assertFalse(tts.anywhereInTarget("cafe"));
    assertRecords(result, 5, "created 3, failed 2, skipped 0");
  }

  @Test
  void aHugeStringFailsItsRecordNamingTheLimit() throws Exception {
    String huge = TtsJson.instance().toJson(device("huge", 2).toBuilder()
        .setDescription("x".repeat(50 * 1024 * 1024)).build());
    String deep = "{\"ids\":{\"device_id\":\"long-number\"},\"lorawan_version\":"
        + "1".repeat(2000) + "}";
    Path file = Files.writeString(folder.resolve("devices.json"),
        TtsJson.instance().toJson(device("before", 1)) + "\n" + huge + "\n" + deep + "\n"
            + TtsJson.instance().toJson(device("after", 3)) + "\n");

    CliRun.Result result = tts.run("import", file.toString());

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains(file + " line 2: not a TTS device: longer than 4 MiB"
        + " (4,194,304 bytes)"), result.stderr());
    assertTrue(result.stderr().contains(file + " line 3: not a TTS device: beyond a limit of the"
        + " JSON reader"), result.stderr());
    assertFalse(result.stderr().contains("cannot fail"), result.stderr());
    tts.inTarget(TtsServer.IDENTITY_SERVER, "before");
    tts.inTarget(TtsServer.IDENTITY_SERVER, "after");
    assertRecords(result, 4, "created 2, failed 2, skipped 0");
  }
}
