package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * {@code --plan}: a dry run's plan, one JSON line per device, and the short table on stderr; a
 * real run's report in the same form. The source holds my-device and device-00001 to -00004.
 */
class PlanTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(4);

  @TempDir
  Path folder;

  /** device-00001 migrated already, device-00002 in the target and different. */
  private void targetHoldsOneEqualAndOneDifferentDevice() {
    CliRun.Result earlier = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "device-00001");
    assertEquals(ExitCodes.OK, earlier.exitCode(), earlier.toString());
    tts.target.put(SampleDevices.otaaWithSession(TwoDeployments.TARGET_APP, "device-00002", 9));
    tts.source.clearCalls();
    tts.target.clearCalls();
  }

  /** The plan's lines by device ID, in the order they were written. */
  private static Map<String, JsonNode> lines(Path plan) throws IOException {
    Map<String, JsonNode> lines = new LinkedHashMap<>();
    for (String line : Files.readAllLines(plan)) {
      JsonNode node = JSON.readTree(line);
      assertEquals(null, lines.put(node.path("device_id").asText(), node), "one line each");
    }
    return lines;
  }

  private static List<String> fields(JsonNode line) {
    return JSON.convertValue(line.path("fields"), JSON.getTypeFactory()
        .constructCollectionType(List.class, String.class));
  }

  /** The dry run's table: the rows after its title. */
  private static List<String> table(String stderr) {
    List<String> lines = stderr.lines().toList();
    int title = lines.indexOf(lines.stream().filter(line -> line.contains("what would happen"))
        .findFirst().orElseThrow(() -> new AssertionError("no table\n" + stderr)));
    return lines.stream().skip(title + 1).takeWhile(line -> line.startsWith("  ")).toList();
  }

  private static void assertRow(String stderr, String name, long count) {
    assertTrue(Pattern.compile("(?m)^  .*\\b" + Pattern.quote(name) + " +" + count + "\\b")
        .matcher(stderr).find(), name + " " + count + " in the table\n" + stderr);
  }

  @Test
  void aDryRunPlansEveryDeviceAndChangesNothing() throws Exception {
    targetHoldsOneEqualAndOneDifferentDevice();
    tts.target.faults(call -> call.server() == TtsServer.IDENTITY_SERVER
        && call.method().equals("Get") && call.deviceId().equals("device-00003")
        ? Optional.of(Fault.of(Status.INVALID_ARGUMENT.withDescription("refused by the test")))
        : Optional.empty());
    Path plan = folder.resolve("plan.jsonl");

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--dry-run", "--plan", plan.toString());

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals(List.of(), tts.target.writes(), "nothing written in the target");
    assertEquals(List.of(), tts.source.writes(), "nothing changed at the source");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)));
    Map<String, JsonNode> lines = lines(plan);
    assertEquals(Set.of("my-device", "device-00001", "device-00002", "device-00003",
        "device-00004"), lines.keySet(), "every device, past the failures");

    JsonNode created = lines.get("my-device");
    assertEquals("my-app", created.path("application_id").asText());
    assertEquals("create", created.path("target").asText());
    assertEquals("disable-downlinks", created.path("source").asText());
    assertTrue(created.path("dev_eui").asText().matches("[0-9A-F]{16}"), created.toString());
    assertFalse(created.has("cause"), created.toString());
    assertEquals("create", lines.get("device-00004").path("target").asText());

    JsonNode equal = lines.get("device-00001");
    assertEquals("already-equal", equal.path("target").asText());
    assertEquals("disable-downlinks", equal.path("source").asText());

    JsonNode differs = lines.get("device-00002");
    assertEquals("differs", differs.path("target").asText());
    assertTrue(fields(differs).contains("name"), differs.toString());
    assertFalse(differs.path("update").asBoolean(true), "left as it is without"
        + " --target.update-existing");
    assertEquals("none", differs.path("source").asText());
    assertTrue(differs.path("cause").asText().contains("--target.update-existing"),
        differs.toString());

    JsonNode fails = lines.get("device-00003");
    assertEquals("fail", fails.path("target").asText());
    assertEquals("none", fails.path("source").asText());
    assertTrue(fails.path("cause").asText().contains("refused by the test"), fails.toString());

    assertRow(result.stderr(), "create", 2);
    assertRow(result.stderr(), "already-equal", 1);
    assertRow(result.stderr(), "differs", 1);
    assertRow(result.stderr(), "fail", 1);
    assertRow(result.stderr(), "disable-downlinks", 3);
    assertRow(result.stderr(), "none", 2);
    List<String> table = table(result.stderr());
    assertEquals(5, table.size(), result.stderr());
    assertTrue(table.stream().allMatch(line -> line.length() <= 80), result.stderr());
    assertEquals(3, result.devices().size(), "stdout holds the devices that would go, only");
  }

  @Test
  void aDryRunWithUpdateExistingPlansTheUpdateAndItsFields() throws Exception {
    targetHoldsOneEqualAndOneDifferentDevice();
    Path plan = folder.resolve("plan.jsonl");

    CliRun.Result result = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "device-00002", "--dry-run", "--plan", plan.toString(),
        "--target.update-existing", "--ttnv3.delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    JsonNode line = lines(plan).get("device-00002");
    assertEquals("differs", line.path("target").asText());
    assertTrue(line.path("update").asBoolean(false), line.toString());
    assertTrue(fields(line).contains("name"), line.toString());
    assertEquals("delete", line.path("source").asText());
    assertEquals(List.of(), tts.target.writes());
    assertEquals(List.of(), tts.source.writes());
  }

  @Test
  void aRealRunsPlanIsItsReport() throws Exception {
    targetHoldsOneEqualAndOneDifferentDevice();
    EndDevice taken = tts.devices.get(2);
    assertEquals("device-00003", taken.getIds().getDeviceId());
    tts.target.put(taken.toBuilder().setIds(taken.getIds().toBuilder().setDeviceId("holder")
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId("someone-else")))
        .build());
    Path report = folder.resolve("report.jsonl");

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--plan", report.toString(), "--continue-on-error", "--target.update-existing");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    Map<String, JsonNode> lines = lines(report);
    assertEquals(5, lines.size(), lines.toString());
    assertEquals("created", lines.get("my-device").path("target").asText());
    assertEquals("disable-downlinks", lines.get("my-device").path("source").asText());
    assertEquals("already-equal", lines.get("device-00001").path("target").asText());
    JsonNode updated = lines.get("device-00002");
    assertEquals("updated", updated.path("target").asText());
    assertTrue(fields(updated).contains("name"), updated.toString());
    assertEquals("disable-downlinks", updated.path("source").asText());
    JsonNode failed = lines.get("device-00003");
    assertEquals("failed", failed.path("target").asText());
    assertEquals("none", failed.path("source").asText());
    assertTrue(failed.path("cause").asText().contains("already registered in the target as"
        + " device holder of application someone-else"), failed.toString());
    assertFalse(tts.source.writes().stream().anyMatch(c -> c.deviceId().equals("device-00003")),
        "the failed device is untouched at the source");
    assertFalse(result.stdout().contains("\"target\""), "the report never goes to stdout");
    assertFalse(result.stderr().contains("what would happen"), "no table after a real run");
  }

  @Test
  void aReRunReplacesTheReportAndNamesWhatAnEarlierRunDid() throws Exception {
    Path report = folder.resolve("report.jsonl");
    Path state = folder.resolve("run.state");
    String[] args = {"migrate", "device", "--source", "ttnv3", "--ttnv3.app-id", "my-app",
        "my-device", "--plan", report.toString(), "--state", state.toString()};
    assertEquals(ExitCodes.OK, tts.run(args).exitCode());

    CliRun.Result again = tts.run(args);

    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    JsonNode line = lines(report).get("my-device");
    assertEquals(1, Files.readAllLines(report).size());
    assertEquals("done-before", line.path("target").asText());
    assertEquals("none", line.path("source").asText());
  }

  @Test
  void theReportIsMadeOwnerOnlyAndNeverGoesToStdoutOrTheOutput() throws Exception {
    Path report = Files.writeString(folder.resolve("report.jsonl"), "an earlier report\n");
    Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun.Result result = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "my-device", "--plan", report.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    assertEquals("created", lines(report).get("my-device").path("target").asText());

    for (String plan : List.of("-", "/dev/stdout")) {
      CliRun.Result refused = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
          "my-app", "device-00001", "--dry-run", "--plan", plan);
      assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.toString());
      assertTrue(refused.stderr().contains("never to stdout"), refused.stderr());
    }
    Path output = folder.resolve("devices.json");
    CliRun.Result same = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "device-00001", "--output", output.toString(), "--plan", output.toString());
    assertEquals(ExitCodes.USAGE, same.exitCode(), same.toString());
    assertTrue(same.stderr().contains("give the plan a file of its own"), same.stderr());
    assertFalse(Files.exists(output), "nothing written");
    assertFalse(tts.anywhereInTarget("device-00001"), "nothing created");
  }

  @Test
  void anImportsDryRunPlansEachRecord() throws Exception {
    CliRun.Result export = tts.run("device", "--source", "ttnv3", "--ttnv3.app-id", "my-app",
        "my-device", "device-00001", "--dry-run");
    assertEquals(ExitCodes.OK, export.exitCode(), export.toString());
    Path devices = Files.writeString(folder.resolve("devices.json"), export.stdout());
    assertEquals(ExitCodes.OK, tts.run("import", devices.toString()).exitCode());
    Path more = Files.writeString(folder.resolve("more.json"), tts.run("device", "--source",
        "ttnv3", "--ttnv3.app-id", "my-app", "device-00004", "--dry-run").stdout());
    tts.target.clearCalls();
    Path plan = folder.resolve("plan.jsonl");

    CliRun.Result result = tts.run("import", "--dry-run", "--plan", plan.toString(),
        devices.toString(), more.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    Map<String, JsonNode> lines = lines(plan);
    assertEquals("already-equal", lines.get("my-device").path("target").asText());
    assertEquals("already-equal", lines.get("device-00001").path("target").asText());
    assertEquals("create", lines.get("device-00004").path("target").asText());
    assertEquals("none", lines.get("device-00004").path("source").asText());
    assertRow(result.stderr(), "create", 1);
    assertRow(result.stderr(), "already-equal", 2);
    assertEquals(List.of(), tts.target.writes());
  }
}
