package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * stdout stays device JSON whatever state the class-data archive next to the jar is in:
 * fresh, older than the jar (a rebuild), corrupt, recorded for another jar, or absent; and
 * with {@code java -jar}. Every run exports the same application with --dry-run, so the
 * simulator is shared and each run's stdout must be the same. The cases run at once, each in a
 * folder of its own.
 */
class LauncherIT {
  private static final String API_KEY = "NNSXS.LAUNCHER-TEST-KEY";
  private static final String[] EXPORT = {"application", "--source", "ttnv3", "my-app",
      "--dry-run"};
  private static TtsSimulator simulator;
  private static String expected;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(API_KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
    SampleDevices.application("my-app", 4).forEach(d -> simulator.put(d, SampleDevices.servers(d)));
    PackagedTool.Result plain = PackagedTool.javaJar(PackagedTool.JAR, Path.of("."),
        environment(), "", EXPORT);
    assertEquals(0, plain.exitCode(), plain.toString());
    expected = plain.stdout();
    assertEquals(5, plain.devices().size(), plain.toString());
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("TTNV3_APP_API_KEY", API_KEY);
    environment.put("TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address());
    environment.put("TTNV3_CA_FILE", simulator.caFile().toString());
    return environment;
  }

  private PackagedTool.Result export(Path jar, String... javaOpts) throws Exception {
    Map<String, String> environment = environment();
    if (jar != null) {
      environment.put("TTN_LW_MIGRATE_JAR", jar.toString());
    }
    environment.put("JAVA_OPTS", String.join(" ", javaOpts));
    return PackagedTool.launcher(dir, environment, "", EXPORT);
  }

  private static void assertCleanExport(PackagedTool.Result result) {
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(5, result.devices().size(), result.toString());
    assertEquals(expected, result.stdout(), "same devices, byte for byte");
    assertFalse(result.stderr().contains("[warning]"), result.toString());
    assertFalse(result.stdout().contains(API_KEY) || result.stderr().contains(API_KEY));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void theArchiveMvnPackageRecordedIsUsed() throws Exception {
    assertTrue(Files.getLastModifiedTime(PackagedTool.ARCHIVE)
        .compareTo(Files.getLastModifiedTime(PackagedTool.JAR)) > 0, "recorded after the jar");
    Path classLog = dir.resolve("classes.log");
    PackagedTool.Result result = export(null, "-Xlog:class+load=info:file=" + classLog);

    assertCleanExport(result);
    try (Stream<String> lines = Files.lines(classLog)) {
      assertTrue(lines.anyMatch(line -> line.contains("org.ttnlw.migrate.cli.Main")
          && line.contains("shared objects file (top)")), "Main came from the archive");
    }
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void anArchiveOlderThanTheJarIsSkipped() throws Exception {
    Path jar = PackagedTool.installCopy(dir, true);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

    assertCleanExport(export(jar));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aCorruptArchiveIsSkipped() throws Exception {
    Path jar = PackagedTool.installCopy(dir, false);
    byte[] garbage = new byte[64 * 1024];
    new Random(7).nextBytes(garbage);
    Path archive = dir.resolve("ttn-lw-migrate.jsa");
    Files.write(archive, garbage);
    Files.setLastModifiedTime(archive, FileTime.from(Instant.now().plusSeconds(60)));

    assertCleanExport(export(jar));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void anArchiveRecordedForAnotherJarIsSkipped() throws Exception {
    // The copied jar differs from the one the archive was recorded for (path and time).
    Path jar = PackagedTool.installCopy(dir, true);
    Files.setLastModifiedTime(dir.resolve("ttn-lw-migrate.jsa"),
        FileTime.from(Instant.now().plusSeconds(60)));

    assertCleanExport(export(jar));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void withoutArchiveInAReadOnlyDirectoryNothingIsWritten() throws Exception {
    Path jar = PackagedTool.installCopy(dir, false);
    dir.toFile().setWritable(false);
    try {
      assertCleanExport(export(jar));
    } finally {
      dir.toFile().setWritable(true);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(jar), files.toList(), "the launcher wrote nothing");
    }
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void twoFirstRunsAtOnceBothPrintOnlyDevices() throws Exception {
    Path jar = PackagedTool.installCopy(dir, false);
    List<CompletableFuture<PackagedTool.Result>> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> {
        try {
          return export(jar);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    runs.forEach(run -> assertCleanExport(run.join()));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void javaJarPrintsOnlyDevicesToo() throws Exception {
    PackagedTool.Result result = PackagedTool.javaJar(PackagedTool.JAR, dir, environment(), "",
        EXPORT);
    assertCleanExport(result);
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void jvmWarningsNeverReachStdout() throws Exception {
    // Without the launcher's logging options, the JVM prints the archive warning on stdout.
    Path foreign = dir.resolve("foreign.jsa");
    Files.copy(PackagedTool.ARCHIVE, foreign);
    PackagedTool.Result bare = PackagedTool.run(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:SharedArchiveFile=" + foreign, "-jar", PackagedTool.installCopy(dir, false).toString(),
        "--version"), dir, Map.of(), "");
    assertTrue(bare.stdout().contains("[warning][cds"), "the JVM's default: " + bare);

    PackagedTool.Result result = export(null, "-XX:SharedArchiveFile=" + foreign,
        "-XX:+UseBiasedLocking");

    assertCleanExport(result);
    assertTrue(result.stderr().contains("UseBiasedLocking"), result.toString());
  }
}
