package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.tts.TtsServer;

/** {@code import}: TTS JSON in any of the shapes exporters write, into the target. */
class ImportTest {
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(2);
  private String exported;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    CliRun.Result export = tts.run("application", "--source", "ttnv3", "my-app", "--dry-run");
    assertEquals(ExitCodes.OK, export.exitCode(), export.toString());
    exported = export.stdout();
  }

  private CliRun.Result importFiles(String... files) {
    String[] args = new String[files.length + 1];
    args[0] = "import";
    System.arraycopy(files, 0, args, 1, files.length);
    return tts.run(args);
  }

  private void assertAllInTarget() {
    for (String id : List.of("my-device", "device-00001", "device-00002")) {
      tts.inTarget(TtsServer.IDENTITY_SERVER, id);
      tts.inTarget(TtsServer.NETWORK_SERVER, id);
    }
  }

  @Test
  void importsThisToolsOutputAndChangesNothingAtTheSource() throws Exception {
    Path file = Files.writeString(folder.resolve("devices.json"), exported);
    tts.source.clearCalls();

    CliRun.Result result = importFiles(file.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("imported 3 (created 3)"), result.stderr());
    assertAllInTarget();
    assertEquals(List.of(), tts.source.calls(), "import reads no source");
  }

  @Test
  void importsAJsonArrayAndPrettyPrintedObjectsFromStdinOrFiles() throws Exception {
    List<String> lines = exported.lines().toList();
    Path array = Files.writeString(folder.resolve("array.json"),
        "[\n" + String.join(",\n", lines.subList(0, 2)) + "\n]\n");
    String pretty = prettyPrinted(lines.get(2));
    Path objects = Files.writeString(folder.resolve("pretty.json"), pretty + "\n" + pretty);

    CliRun.Result result = importFiles(array.toString(), objects.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("imported 3 (created 3)"), result.stderr());
    assertTrue(result.stderr().contains("was given before; importing it once"), result.stderr());
    assertAllInTarget();
  }

  private static String prettyPrinted(String line) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper =
        new com.fasterxml.jackson.databind.ObjectMapper();
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(mapper.readTree(line));
  }

  @Test
  void aMalformedRecordIsNamedByFileAndLineAndTheOthersStillGoIn() throws Exception {
    List<String> lines = exported.lines().toList();
    Path file = Files.writeString(folder.resolve("devices.json"), lines.get(0) + "\n"
        + "{\"ids\": {\"device_id\": \"broken\", \"dev_eui\": \"not-hex\"}}\n"
        + "this is not json\n"
        + lines.stream().skip(1).collect(Collectors.joining("\n")) + "\n");

    CliRun.Result result = importFiles(file.toString());

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains(file + " line 2: not a TTS device"), result.stderr());
    assertTrue(result.stderr().contains(file + " line 3: not a TTS device: not a JSON object"),
        result.stderr());
    assertTrue(result.stderr().contains("created 3"), result.stderr());
    assertAllInTarget();
    assertEquals(3, result.devices().size(), "stdout holds the imported devices only");
  }

  @Test
  void ttnLwCliOutputWithServerFieldsImportsIntoTheTargetsServers() throws Exception {
    EndDevice device = TtsJson.instance().merge(exported.lines().findFirst().orElseThrow(),
        EndDevice.newBuilder())
        .setNetworkServerAddress("eu1.cloud.thethings.network")
        .setApplicationServerAddress("eu1.cloud.thethings.network")
        .setCreatedAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(1))
        .build();
    Path file = Files.writeString(folder.resolve("cli.json"),
        TtsJson.instance().toJson(device) + "\n");

    CliRun.Result result = CliRun.run(tts.environment(), Files.readString(file), "import");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals("localhost", tts.inTarget(TtsServer.IDENTITY_SERVER,
        device.getIds().getDeviceId()).getNetworkServerAddress());
  }

  @Test
  void aMissingFileIsAConfigurationError() {
    CliRun.Result result = importFiles(folder.resolve("nope.json").toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("no such file"), result.stderr());
  }
}
