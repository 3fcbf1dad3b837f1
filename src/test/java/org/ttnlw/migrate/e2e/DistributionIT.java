package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * The distribution archive unpacked into a fresh folder, made read-only, its bin/ on PATH (and
 * linked from another folder), and only a JDK: what it holds, and that it exports. InstallDocIT
 * runs docs/install.md's own commands (unpacking, PATH, completion, man pages).
 */
class DistributionIT {
  private static final String VERSION = System.getProperty("project.version", "unknown");
  private static final String API_KEY = "NNSXS.DISTRIBUTION-TEST-KEY";
  private static final String[] EXPORT = {"device", "--source", "ttnv3", "my-device",
      "--ttnv3.app-id", "my-app", "--dry-run"};

  @TempDir
  static Path unpacked;
  private static Path home;
  private static List<String> installed;
  private static TtsSimulator simulator;

  @BeforeAll
  static void install() throws Exception {
    Path archive = PackagedTool.PROJECT.resolve("target/ttn-lw-migrate-" + VERSION + ".tar.gz");
    PackagedTool.Result untar = PackagedTool.run(List.of("tar", "-xzf", archive.toString()),
        unpacked, Map.of(), "");
    assertEquals(0, untar.exitCode(), untar.toString());
    home = unpacked.resolve("ttn-lw-migrate-" + VERSION);
    installed = listing();
    PackagedTool.Result readOnly = PackagedTool.run(List.of("chmod", "-R", "a-w", home.toString()),
        unpacked, Map.of(), "");
    assertEquals(0, readOnly.exitCode(), readOnly.toString());
    simulator = TtsSimulator.builder().apiKey(API_KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
  }

  @AfterAll
  static void uninstall() throws Exception {
    simulator.close();
    PackagedTool.run(List.of("chmod", "-R", "u+w", home.toString()), unpacked, Map.of(), "");
  }

  private static List<String> listing() throws IOException {
    try (Stream<Path> files = Files.walk(home)) {
      return files.map(home::relativize).map(Path::toString).sorted().toList();
    }
  }

  private static PackagedTool.Result tool(Map<String, String> environment, String... args)
      throws Exception {
    Map<String, String> withPath = new HashMap<>(environment);
    withPath.putIfAbsent("PATH", home.resolve("bin") + ":/usr/bin:/bin");
    PackagedTool.Result result = PackagedTool.run(onPath(args), unpacked, withPath, "");
    assertEquals(installed, listing(), "the tool wrote nothing into its install");
    return result;
  }

  /** {@code ttn-lw-migrate ARGS} as a shell runs it, found on the child's PATH. */
  private static List<String> onPath(String... args) {
    List<String> command = new ArrayList<>(List.of("sh", "-c", "exec ttn-lw-migrate \"$@\"",
        "sh"));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void holdsWhatInstallMdDescribes() {
    assertTrue(installed.containsAll(List.of("bin/ttn-lw-migrate", "bin/ttn-lw-migrate.bat",
        "lib/ttn-lw-migrate.jar", "completion/ttn-lw-migrate.bash", "man/man1/ttn-lw-migrate.1",
        "man/man1/ttn-lw-migrate-device.1", "man/man1/ttn-lw-migrate-ttnv3-device.1",
        "README.md", "LICENSE", "docs/install.md")), installed.toString());
  }

  @Test
  void versionNamesVersionCommitAndBuildDate() throws Exception {
    PackagedTool.Result result = tool(Map.of(), "--version");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stdout().matches("ttn-lw-migrate " + VERSION.replace(".", "\\.")
        + " \\(commit ([0-9a-f]{12}|unknown), built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)\n"),
        result.toString());
    assertEquals(result.stdout(), tool(Map.of(), "version").stdout());
  }

  @Test
  void helpListsTheCommands() throws Exception {
    PackagedTool.Result result = tool(Map.of(), "--help");

    assertEquals(0, result.exitCode(), result.toString());
    for (String command : List.of("device", "application", "migrate", "import", "ttnv3",
        "chirpstack")) {
      assertTrue(Pattern.compile("(?m)^  " + command + "[ ,]").matcher(result.stdout()).find(),
          command + ": " + result);
    }
  }

  @Test
  void carriesTheStartUpArchives() {
    assertTrue(installed.contains("lib/ttn-lw-migrate.classlist"), installed.toString());
    assertEquals(Files.exists(PackagedTool.AOT_CACHE),
        installed.containsAll(List.of("lib/ttn-lw-migrate.aot", "lib/ttn-lw-migrate.aot.jdk")),
        installed.toString());
  }

  @Test
  void startsFromAnArchiveMadeOnceInTheUsersCacheAndPrintsTheSameDevices() throws Exception {
    Path cache = unpacked.resolve("cache");
    Path classLog = Files.createDirectories(unpacked.resolve("logs")).resolve("made.log");
    PackagedTool.Result without = tool(exportEnvironment(Map.of("TTN_LW_MIGRATE_ARCHIVE", "off")),
        EXPORT);

    PackagedTool.Result first = tool(exportEnvironment(Map.of("XDG_CACHE_HOME", cache.toString(),
        "JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog)), EXPORT);

    assertEquals(0, first.exitCode(), first.toString());
    assertEquals(without.stdout(), first.stdout());
    assertEquals(1, without.devices().size(), without.toString());
    assertTrue(PackagedTool.mainClassFromArchive(classLog), "started from the archive");
    try (Stream<Path> made = Files.list(cache.resolve("ttn-lw-migrate"))) {
      assertEquals(1, made.filter(file -> file.toString().endsWith(".jsa")).count());
    }
  }

  @Test
  void onTheJdk25ThatRecordedItStartsFromItsAheadOfTimeCache() throws Exception {
    Path jdk = Path.of(System.getProperty("aot.jdk", "none"));
    assumeTrue(Files.exists(PackagedTool.AOT_CACHE), "no JDK 25 at " + jdk + " to record it");
    Path classLog = Files.createDirectories(unpacked.resolve("logs")).resolve("aot.log");

    PackagedTool.Result result = tool(exportEnvironment(Map.of("JAVA_HOME", jdk.toString(),
        "JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog)), EXPORT);

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(1, result.devices().size(), result.toString());
    assertFalse(result.stderr().contains("[warning]") || result.stderr().contains("[error"),
        result.toString());
    assertTrue(PackagedTool.mainClassFromArchive(classLog), "started from the cache");
  }

  private static Map<String, String> exportEnvironment(Map<String, String> more) {
    Map<String, String> environment = new HashMap<>(Map.of(
        "TTNV3_APP_API_KEY", API_KEY,
        "TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address(),
        "TTNV3_CA_FILE", simulator.caFile().toString()));
    environment.putAll(more);
    return environment;
  }

  @Test
  void exportsThroughALinkOnPath() throws Exception {
    Path linked = Files.createDirectories(unpacked.resolve("linked"));
    Files.createSymbolicLink(linked.resolve("ttn-lw-migrate"),
        home.resolve("bin/ttn-lw-migrate"));
    Map<String, String> environment = Map.of(
        "PATH", linked + ":/usr/bin:/bin",
        "TTNV3_APP_API_KEY", API_KEY,
        "TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address(),
        "TTNV3_CA_FILE", simulator.caFile().toString());

    PackagedTool.Result result = tool(environment, "device", "--source", "ttnv3", "my-device",
        "--ttnv3.app-id", "my-app", "--dry-run");

    assertEquals(0, result.exitCode(), result.toString());
    List<EndDevice> devices = result.devices();
    assertEquals(1, devices.size(), result.toString());
    assertEquals("my-device", devices.get(0).getIds().getDeviceId());
    assertTrue(simulator.writes().isEmpty(), "--dry-run changed nothing");
  }
}
