package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
 * stdout stays device JSON whatever state the start-up archives are in: the class-data archive
 * next to the jar fresh, older than the jar (a rebuild), corrupt, recorded for another jar or
 * another JDK, or absent; one made in the user's cache, or none when the cache cannot be
 * written; the JDK 25 ahead-of-time cache; and with {@code java -jar}. Every run exports the
 * same application with --dry-run, so the simulator is shared and each run's stdout must be the
 * same. The cases run at once, each in a folder of its own.
 */
class LauncherIT {
  private static final String API_KEY = "NNSXS.LAUNCHER-TEST-KEY";
  private static final String[] EXPORT = {"application", "--source", "ttnv3", "my-app",
      "--dry-run"};
  private static TtsSimulator simulator;
  private static String expected;

  /** The JDK 25 that recorded the ahead-of-time cache, if one did (pom.xml's aot.jdk). */
  private static final Path AOT_JDK = Path.of(System.getProperty("aot.jdk", "none"));

  @TempDir
  Path dir;
  @TempDir
  Path logs;

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
    return export(jar, Map.of(), javaOpts);
  }

  /** The export through the launcher, with {@code more} environment (a JDK, a cache folder). */
  private PackagedTool.Result export(Path jar, Map<String, String> more, String... javaOpts)
      throws Exception {
    Map<String, String> environment = environment();
    if (jar != null) {
      environment.put("TTN_LW_MIGRATE_JAR", jar.toString());
    }
    environment.put("JAVA_OPTS", String.join(" ", javaOpts));
    environment.putAll(more);
    return PackagedTool.launcher(dir, environment, "", EXPORT);
  }

  private static List<Path> filesIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static void assertCleanExport(PackagedTool.Result result) {
    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(5, result.devices().size(), result.toString());
    assertEquals(expected, result.stdout(), "same devices, byte for byte");
    assertFalse(result.stderr().contains("[warning]"), result.toString());
    assertFalse(result.stdout().contains(API_KEY) || result.stderr().contains(API_KEY));
  }

  /**
   * The export through the launcher, checked as every other, and whether the JVM took the tool's
   * main class from a start-up archive.
   */
  private boolean exportStartsFromArchive(Path jar, Map<String, String> more) throws Exception {
    Path classLog = Files.createTempFile(logs, "classes", ".log");
    assertCleanExport(export(jar, more, "-Xlog:class+load=info:file=" + classLog));
    return PackagedTool.mainClassFromArchive(classLog);
  }

  /** A copy of the jar with the class list the build recorded, as the distribution has them. */
  private Path installCopyWithClassList() throws IOException {
    Path jar = PackagedTool.installCopy(dir, false);
    Files.copy(PackagedTool.CLASS_LIST, dir.resolve("ttn-lw-migrate.classlist"));
    return jar;
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void theArchiveMvnPackageRecordedIsUsed() throws Exception {
    assertTrue(Files.getLastModifiedTime(PackagedTool.ARCHIVE)
        .compareTo(Files.getLastModifiedTime(PackagedTool.JAR)) > 0, "recorded after the jar");

    assertTrue(exportStartsFromArchive(null, Map.of()), "Main came from the archive");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void versionAloneStartsWithoutArchiveAndSaysWhatTheVersionCommandSays() throws Exception {
    Path classLog = Files.createTempFile(logs, "classes", ".log");
    PackagedTool.Result version = PackagedTool.launcher(dir,
        Map.of("JAVA_OPTS", "-Xlog:class+load=info:file=" + classLog), "", "--version");
    PackagedTool.Result command = PackagedTool.launcher(dir, Map.of(), "", "version");

    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.stdout().matches("ttn-lw-migrate \\S+ \\(commit \\S+, built \\S+\\)\n"),
        version.toString());
    assertEquals(command.stdout(), version.stdout());
    assertEquals("", version.stderr());
    assertFalse(PackagedTool.mainClassFromArchive(classLog), "no archive mapped");
    assertFalse(Files.readString(classLog).contains(" picocli.CommandLine "),
        "answered without building a command line");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aJavaHomeWhoseJavaIsALinkStillFindsTheArchiveOfTheJdkItLeadsTo() throws Exception {
    // As JAVA_HOME=/usr on Debian: /usr/bin/java leads to the JDK, /usr holds no release file.
    Path home = Files.createDirectories(dir.resolve("usr/bin"));
    Files.createSymbolicLink(home.resolve("java"),
        Path.of(System.getProperty("java.home"), "bin", "java"));

    assertTrue(exportStartsFromArchive(null, Map.of("JAVA_HOME", home.getParent().toString())),
        "Main came from the archive");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void anInstallWithoutArchiveMakesOneInTheUsersCacheOnceAndUsesIt() throws Exception {
    Path jar = installCopyWithClassList();
    Path cache = dir.resolve("cache");
    Map<String, String> userCache = Map.of("XDG_CACHE_HOME", cache.toString());

    assertTrue(exportStartsFromArchive(jar, userCache), "the first run used it already");
    List<Path> made = filesIn(cache);
    assertEquals(1, made.size(), made.toString());
    assertTrue(made.get(0).toString().endsWith(".jsa"), made.toString());

    assertTrue(exportStartsFromArchive(jar, userCache), "the second run used it");
    assertEquals(made, filesIn(cache), "made once");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aCacheThatCannotBeWrittenLeavesTheRunWithoutArchiveAndWritesNothing() throws Exception {
    Path jar = installCopyWithClassList();
    // Below a file, so that not even root can make it (the tests may run as root, for whom a
    // folder without write permission is writable all the same).
    Path cache = Files.writeString(dir.resolve("not-a-folder"), "").resolve("cache");
    List<Path> before = filesIn(dir);
    dir.toFile().setWritable(false);
    try {
      assertFalse(exportStartsFromArchive(jar, Map.of("XDG_CACHE_HOME", cache.toString())),
          "no archive");
    } finally {
      dir.toFile().setWritable(true);
    }
    assertEquals(before, filesIn(dir), "the launcher wrote nothing");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void anArchiveRecordedByAnotherJdkIsNotOffered() throws Exception {
    Path jar = PackagedTool.installCopy(dir, true);
    Files.writeString(dir.resolve("ttn-lw-migrate.jsa.jdk"), "17.0.0+0-another " + jar + "\n");

    assertFalse(exportStartsFromArchive(jar, Map.of()), "skipped");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void anArchiveThatClaimsThisJarAndJdkButDoesNotMatchIsSkippedByTheJvmSilently()
      throws Exception {
    // Recorded for target/ttn-lw-migrate.jar: the JVM compares the jar's path, size and time.
    Path jar = PackagedTool.installCopy(dir, true);
    Files.writeString(dir.resolve("ttn-lw-migrate.jsa.jdk"),
        ArchiveTraining.runtimeVersion(Path.of(System.getProperty("java.home"))) + " " + jar
            + "\n");
    Files.setLastModifiedTime(dir.resolve("ttn-lw-migrate.jsa"),
        FileTime.from(Instant.now().plusSeconds(60)));

    assertFalse(exportStartsFromArchive(jar, Map.of()), "skipped");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void onJdk25TheAheadOfTimeCacheMvnPackageRecordedIsUsed() throws Exception {
    assumeTrue(Files.exists(PackagedTool.AOT_CACHE), "no JDK 25 at " + AOT_JDK + " recorded it");

    assertTrue(exportStartsFromArchive(null, Map.of("JAVA_HOME", AOT_JDK.toString())),
        "Main came from the cache");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void onJdk25AnAheadOfTimeCacheOfAnotherBuildIsNotOffered() throws Exception {
    assumeTrue(Files.exists(PackagedTool.AOT_CACHE), "no JDK 25 at " + AOT_JDK + " recorded it");
    Path jar = PackagedTool.installCopy(dir, false);
    Files.copy(PackagedTool.AOT_CACHE, dir.resolve("ttn-lw-migrate.aot"));
    Files.writeString(dir.resolve("ttn-lw-migrate.aot.jdk"), "25.0.0+0-another\n");

    assertFalse(exportStartsFromArchive(jar, Map.of("JAVA_HOME", AOT_JDK.toString())),
        "skipped");
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void onJdk25NoRunWarnsAboutTheToolsLibraries() throws Exception {
    // Unprompted, JDK 25 warns that protobuf uses sun.misc.Unsafe and that Netty loads a library.
    assumeTrue(Files.isExecutable(AOT_JDK.resolve("bin/java")), "no JDK 25 at " + AOT_JDK);
    for (String archive : List.of("on", "off")) {
      PackagedTool.Result result = export(null,
          Map.of("JAVA_HOME", AOT_JDK.toString(), "TTN_LW_MIGRATE_ARCHIVE", archive));

      assertCleanExport(result);
      assertFalse(result.stderr().contains("WARNING"), "archive " + archive + ": " + result);
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
    // Without the launcher's logging options, the JVM prints the warning about a dynamic archive
    // recorded for a jar that has changed since on stdout.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path jar = PackagedTool.installCopy(dir, false);
    Path foreign = dir.resolve("foreign.jsa");
    PackagedTool.Result recorded = PackagedTool.run(List.of(java,
        "-XX:ArchiveClassesAtExit=" + foreign, "-Xlog:disable", "-jar", jar.toString(),
        "--version"), dir, Map.of(), "");
    assertEquals(0, recorded.exitCode(), recorded.toString());
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
    PackagedTool.Result bare = PackagedTool.run(List.of(java,
        "-XX:SharedArchiveFile=" + foreign, "-jar", jar.toString(), "--version"), dir, Map.of(),
        "");
    assertTrue(bare.stdout().contains("[warning][cds"), "the JVM's default: " + bare);

    PackagedTool.Result result = export(jar, "-XX:SharedArchiveFile=" + foreign,
        "-XX:+UseBiasedLocking");

    assertCleanExport(result);
    assertTrue(result.stderr().contains("UseBiasedLocking"), result.toString());
  }
}
