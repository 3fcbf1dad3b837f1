package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.sim.SampleSettings;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;

/**
 * Every command README.md and docs/ show, run as written through {@code bin/ttn-lw-migrate}
 * (with {@code sh -c}, in a folder holding a copy of {@code examples/}) against a fresh
 * simulator of its source, with the class-data archive as {@code mvn package} left it, older
 * than the jar (a rebuild), and corrupt: the README's commands in each state, the others each in
 * one, in turn. It must exit 0, and its stdout and every JSON file
 * it writes must hold TTS devices, one JSON object a line, and no secret. The commands run several
 * at once (the failsafe section of pom.xml says how many): each has its own
 * simulators on ports of their own and its own folder, so none sees another.
 */
class DocCommandsIT {
  private static final List<String> TEXT_COMMANDS = List.of("--help", "--version", " sources",
      " version", " list ");

  @TempDir
  static Path installs;
  private static Map<String, Path> jars;

  @BeforeAll
  static void installs() throws IOException {
    jars = new HashMap<>();
    jars.put("as packaged", PackagedTool.JAR);
    Path stale = Files.createDirectories(installs.resolve("stale"));
    Path staleJar = PackagedTool.installCopy(stale, true);
    Files.setLastModifiedTime(staleJar, FileTime.from(Instant.now().plusSeconds(60)));
    jars.put("stale archive", staleJar);
    Path corrupt = Files.createDirectories(installs.resolve("corrupt"));
    Path corruptJar = PackagedTool.installCopy(corrupt, false);
    byte[] garbage = new byte[32 * 1024];
    new Random(11).nextBytes(garbage);
    Path archive = corrupt.resolve("ttn-lw-migrate.jsa");
    Files.write(archive, garbage);
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));
    jars.put("corrupt archive", corruptJar);
  }

  @AfterAll
  static void cleanUp() {
    jars = null;
  }

  @TestFactory
  @Execution(ExecutionMode.CONCURRENT)
  Stream<DynamicTest> everyDocumentedCommandPrintsOnlyDevices() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<DocCommands.DocCommand> commands = DocCommands.all();
    assertTrue(commands.size() >= 10, "found the documented commands: " + commands);
    // The README's commands run in every archive state; each other command in one of them, in
    // turn, so that every state meets commands of every kind while the suite stays quick.
    List<String> states = List.of("as packaged", "stale archive", "corrupt archive");
    int turn = 0;
    for (DocCommands.DocCommand command : commands) {
      boolean readme = command.file().getFileName().toString().equals("README.md");
      List<String> chosen = readme ? states : List.of(states.get(turn++ % states.size()));
      for (String state : chosen) {
        tests.add(DynamicTest.dynamicTest(command + " (" + state + ")",
            () -> check(command, jars.get(state))));
      }
    }
    return tests.stream();
  }

  private static void check(DocCommands.DocCommand command, Path jar) throws Exception {
    DocSimulators.Running simulator = DocSimulators.start(command.command());
    try (simulator) {
      Path work = Files.createTempDirectory("doc-command");
      copyExamples(work);
      simulator.prepare(work);
      Map<String, String> environment = new HashMap<>(simulator.environment());
      environment.put("TTN_LW_MIGRATE_JAR", jar.toString());
      PackagedTool.Result result = PackagedTool.run(List.of("sh", "-c", command.command()), work,
          environment, "");

      assertEquals(0, result.exitCode(), result.toString());
      for (String secret : simulator.secrets()) {
        assertFalse(result.stdout().contains(secret) || result.stderr().contains(secret),
            "a secret was printed\n" + result);
      }
      assertFalse(result.stderr().contains("[warning]"), result.toString());
      checkPlan(command.command(), work, result);
      if (command.command().contains(" application-settings")
          || command.command().contains(" import-application-settings")) {
        checkSettings(command.command(), work, result);
        return;
      }
      if (DocSimulators.isGatewayCommand(command.command())) {
        checkGateways(command.command(), work, result);
        return;
      }
      if (command.command().contains(" undo ")) {
        checkUndo(work, result);
        return;
      }
      if (TEXT_COMMANDS.stream().anyMatch(command.command()::contains)) {
        assertFalse(result.stdout().isBlank(), result.toString());
        return;
      }
      List<EndDevice> devices = new ArrayList<>(result.devices());
      try (Stream<Path> files = Files.list(work)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".json")
            && !p.toString().endsWith(".settings.json")
            && !p.getFileName().toString().equals("gateway-keys.json")
            && !command.command().contains("--report " + p.getFileName())).toList()) {
          devices.addAll(PackagedTool.devicesIn(Files.readString(file), file.toString()));
        }
      }
      if (!command.command().contains("> /dev/null")) {
        assertFalse(devices.isEmpty(), "the command exported devices\n" + result);
      }
    }
  }

  /**
   * A migration then its undo: the migration wrote devices, the undo took each back (one line
   * per device on stdout) and left none alone.
   */
  private static void checkUndo(Path work, PackagedTool.Result result) throws IOException {
    Matcher output = Pattern.compile("undo .*--output (\\S+)").matcher(result.command()
        .get(result.command().size() - 1));
    assertTrue(output.find(), "an undo command of the docs names the migration's --output");
    assertFalse(PackagedTool.devicesIn(Files.readString(work.resolve(output.group(1))),
        output.group(1)).isEmpty(), "the migration moved devices\n" + result);
    assertTrue(result.stderr().contains("undo: undone "), result.toString());
    assertTrue(result.stderr().contains(", left alone 0, failed 0"), result.toString());
    assertTrue(result.stdout().lines().allMatch(line -> line.matches("\\S+: .+")),
        result.toString());
  }

  /**
   * A command with {@code --plan FILE} writes FILE owner-only, one JSON line per device or
   * gateway naming its outcome in the target and its step at the source; after a dry run,
   * stderr sums it up in a table.
   */
  private static void checkPlan(String command, Path work, PackagedTool.Result result)
      throws IOException {
    Matcher flag = Pattern.compile("--plan (\\S+)")
        .matcher(command);
    if (!flag.find()) {
      return;
    }
    Path plan = work.resolve(flag.group(1));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)));
    List<String> lines = Files.readAllLines(plan);
    assertFalse(lines.isEmpty(), "the plan names the devices\n" + result);
    for (String line : lines) {
      JsonNode node = new ObjectMapper().readTree(line);
      assertTrue(node.hasNonNull("target") && node.hasNonNull("source"), line);
      assertFalse(result.stdout().contains(line), "the plan went to stdout\n" + result);
    }
    if (command.contains("--dry-run")) {
      assertTrue(result.stderr().contains("what would happen"), result.toString());
    }
  }

  /**
   * An export of settings writes settings documents (to stdout or an owner-only file), an import
   * makes the target match; neither logs the credentials the settings hold.
   */
  private static void checkSettings(String command, Path work, PackagedTool.Result result)
      throws IOException {
    for (String secret : SampleSettings.SECRETS) {
      assertFalse(result.stderr().contains(secret), "a credential was logged\n" + result);
    }
    if (command.contains("import-application-settings")) {
      assertTrue(result.stdout().isEmpty(), result.toString());
      assertTrue(result.stderr().contains(" 0 not matching"), result.toString());
      return;
    }
    List<ApplicationSettings> documents = new ArrayList<>();
    result.stdout().lines().forEach(line -> documents.add(settings(line)));
    try (Stream<Path> files = Files.list(work)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".settings.json")).toList()) {
        Files.readAllLines(file).forEach(line -> documents.add(settings(line)));
        if (command.contains("--output")) {
          assertEquals("rw-------",
              PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
      }
    }
    ApplicationSettings expected = command.contains("chirpstack")
        ? SampleChirpStack.settingsDocument() : SampleSettings.document("my-app");
    assertEquals(List.of(expected), documents, result.toString());
  }

  /**
   * A gateway command writes TTS gateways (to stdout or the file it names); the LNS keys it
   * creates are only in the owner-only keys file, never on stdout or stderr.
   */
  private static void checkGateways(String command, Path work, PackagedTool.Result result)
      throws IOException {
    List<Gateway> gateways = new ArrayList<>(gatewaysIn(result.stdout()));
    Path exported = work.resolve("gateways.json");
    if (command.contains("> gateways.json")) {
      gateways.addAll(gatewaysIn(Files.readString(exported)));
    }
    Path keys = work.resolve("gateway-keys.json");
    if (Files.exists(keys)) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
      for (String line : Files.readAllLines(keys)) {
        String key = new ObjectMapper().readTree(line).path("key")
            .asText();
        assertFalse(key.isEmpty() || result.stdout().contains(key)
            || result.stderr().contains(key), "an LNS key was printed\n" + result);
      }
    }
    if (command.contains("import-gateways")) {
      assertTrue(result.stderr().contains("failed 0"), result.toString());
      return;
    }
    assertFalse(gateways.isEmpty(), "the command wrote gateways\n" + result);
    for (Gateway gateway : gateways) {
      assertFalse(gateway.getIds().getGatewayId().isEmpty() || gateway.hasLbsLnsSecret(),
          gateway.toString());
    }
  }

  private static List<Gateway> gatewaysIn(String text) {
    return text.lines().filter(line -> !line.isBlank())
        .map(line -> (Gateway) TtsJson.instance().merge(line, Gateway.newBuilder()).build())
        .toList();
  }

  private static ApplicationSettings settings(String line) {
    return TtsJson.instance().merge(line, ApplicationSettings.newBuilder()).build();
  }

  private static void copyExamples(Path work) throws IOException {
    Path examples = Files.createDirectories(work.resolve("examples"));
    try (Stream<Path> files = Files.list(PackagedTool.PROJECT.resolve("examples"))) {
      for (Path file : files.toList()) {
        Files.copy(file, examples.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
      }
    }
  }
}
