package org.ttnlw.migrate.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ttnlw.migrate.cli.TwoDeployments;

/**
 * Trains the start-up archives of the packaged jar, at build time ({@code mvn package}, see
 * docs/performance.md): the commands users run (help, export, import, migrate), each a fresh
 * {@code java -jar}, against a source and a target simulator over TLS.
 *
 * <ul>
 *   <li>{@code ttn-lw-migrate.classlist}: the classes those runs loaded, with this JDK. The
 *       distribution carries it; the launcher turns it into a class-data archive in the user's
 *       cache on first use on JDK 17 to 24, because such an archive holds the jar's absolute path.
 *   <li>{@code ttn-lw-migrate.jsa}: that archive for the jar where it is now (a source checkout).
 *   <li>{@code ttn-lw-migrate.aot}: with a JDK 25 or later given, its ahead-of-time cache
 *       (JEP 483/514/515) from a one-device export; it moves with the jar, so the distribution
 *       carries it.
 * </ul>
 *
 * Next to each archive, {@code NAME.jdk} holds the {@code JAVA_RUNTIME_VERSION} of the JDK that
 * recorded it (and, for the {@code .jsa}, the jar's path), which the launcher compares before
 * using it.
 *
 * <p>Arguments: the folder with {@code ttn-lw-migrate.jar}, and optionally the home of a JDK 25 or
 * later (skipped when it does not exist).
 */
public final class ArchiveTraining {
  private static final String NAME = "ttn-lw-migrate";
  private static final String QUIET = "-Xlog:disable";

  private ArchiveTraining() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]).toAbsolutePath();
    Path jar = folder.resolve(NAME + ".jar");
    Path work = Files.createDirectories(folder.resolve("archive-training"));
    Path thisJdk = Path.of(System.getProperty("java.home"));
    try (TwoDeployments tts = new TwoDeployments(2)) {
      Set<String> classes = new LinkedHashSet<>();
      int run = 0;
      for (List<String> command : commands(work)) {
        Path list = work.resolve("run-" + run++ + ".classlist");
        runTool(thisJdk, List.of("-XX:DumpLoadedClassList=" + list), jar, command, tts, work);
        classes.addAll(Files.readAllLines(list));
      }
      Path classList = folder.resolve(NAME + ".classlist");
      Files.write(classList, classes);
      Path archive = folder.resolve(NAME + ".jsa");
      Files.deleteIfExists(archive);
      java(thisJdk, List.of("-Xshare:dump", "-XX:SharedClassListFile=" + classList,
          "-XX:SharedArchiveFile=" + archive, QUIET, "-cp", jar.toString()), Map.of(), work);
      Files.writeString(folder.resolve(NAME + ".jsa.jdk"),
          runtimeVersion(thisJdk) + " " + jar + "\n");

      if (args.length > 1 && Files.isExecutable(Path.of(args[1], "bin", "java"))) {
        Path jdk = Path.of(args[1]);
        Path cache = folder.resolve(NAME + ".aot");
        Files.deleteIfExists(cache);
        runTool(jdk, List.of("-XX:AOTCacheOutput=" + cache), jar,
            List.of("device", "--source", "ttnv3", "my-device"), tts, work);
        Files.writeString(folder.resolve(NAME + ".aot.jdk"), runtimeVersion(jdk) + "\n");
      }
    }
  }

  /**
   * help, a one-device and a whole-application export, a one-device migrate, and an import of a
   * device exported to a file (one the migrate did not create in the target).
   */
  private static List<List<String>> commands(Path work) {
    String exported = work.resolve("device.json").toString();
    return List.of(
        List.of("--help"),
        List.of("device", "--source", "ttnv3", "my-device"),
        List.of("application", "--source", "ttnv3", "my-app"),
        List.of("migrate", "device", "--source", "ttnv3", "device-00001"),
        List.of("device", "--source", "ttnv3", "device-00002", "--output", exported),
        List.of("import", exported));
  }

  private static void runTool(Path jdk, List<String> jvmOptions, Path jar, List<String> command,
      TwoDeployments tts, Path work) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(jvmOptions);
    line.addAll(List.of(QUIET, "-jar", jar.toString()));
    line.addAll(command);
    java(jdk, line, tts.environment(), work);
  }

  private static void java(Path jdk, List<String> arguments, Map<String, String> environment,
      Path work) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(jdk.resolve("bin/java").toString()));
    line.addAll(arguments);
    Path log = work.resolve("java.log");
    ProcessBuilder builder = new ProcessBuilder(line).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", line) + " exited with " + exit + ":\n"
          + Files.readString(log));
    }
  }

  /** The JDK's JAVA_RUNTIME_VERSION, as its release file states it and the launcher reads it. */
  static String runtimeVersion(Path jdk) throws IOException {
    for (String line : Files.readAllLines(jdk.resolve("release"))) {
      if (line.startsWith("JAVA_RUNTIME_VERSION=")) {
        return line.substring("JAVA_RUNTIME_VERSION=".length()).replace("\"", "");
      }
    }
    throw new IllegalStateException(jdk + "/release names no JAVA_RUNTIME_VERSION");
  }
}
