package org.ttnlw.migrate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * The tool as `mvn package` leaves it, run as a child process the way users run it: through
 * {@code bin/ttn-lw-migrate}, or {@code java -jar}. Only for tests that run after packaging
 * (the {@code *IT} classes).
 */
final class PackagedTool {
  static final Path PROJECT = Path.of(System.getProperty("project.basedir", ".")).toAbsolutePath();
  static final Path LAUNCHER = PROJECT.resolve("bin/ttn-lw-migrate");
  static final Path JAR = PROJECT.resolve("target/ttn-lw-migrate.jar");
  static final Path ARCHIVE = PROJECT.resolve("target/ttn-lw-migrate.jsa");
  static final Path CLASS_LIST = PROJECT.resolve("target/ttn-lw-migrate.classlist");
  static final Path AOT_CACHE = PROJECT.resolve("target/ttn-lw-migrate.aot");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TIMEOUT_SECONDS = 120;
  /**
   * The launcher's JAVA_OPTS unless a test sets its own: the client compiler only, which halves
   * the CPU a run of a few seconds spends on start-up and changes nothing the tool does.
   */
  private static final String QUICK_START = "-XX:TieredStopAtLevel=1";

  private PackagedTool() {}

  record Result(List<String> command, int exitCode, String stdout, String stderr) {
    /** Every stdout line parsed as a TTS device; fails on a line that is not a JSON object. */
    List<EndDevice> devices() {
      return devicesIn(stdout, "stdout of " + command);
    }

    @Override
    public String toString() {
      return String.join(" ", command) + "\nexit " + exitCode + "\n--- stdout\n" + stdout
          + "--- stderr\n" + stderr;
    }
  }

  /** Each line of {@code text} as a TTS device, insisting that every line is a JSON object. */
  static List<EndDevice> devicesIn(String text, String what) {
    List<EndDevice> devices = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\n", -1)) {
      number++;
      if (line.isEmpty() && number == text.split("\n", -1).length) {
        break;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new AssertionError(what + " line " + number + " is not JSON: " + line, e);
      }
      if (node == null || !node.isObject()) {
        throw new AssertionError(what + " line " + number + " is not a JSON object: " + line);
      }
      devices.add(TtsJson.instance().merge(line, EndDevice.newBuilder()).build());
    }
    return devices;
  }

  /** Runs {@code command} (the program first) in {@code directory} with only {@code environment}. */
  static Result run(List<String> command, Path directory, Map<String, String> environment,
      String stdin) throws IOException, InterruptedException {
    return run(command, directory, environment, stdin, process -> { });
  }

  /** What a test does to the process while it runs, e.g. interrupt it. */
  interface WhileRunning {
    void accept(Process process) throws IOException, InterruptedException;
  }

  /** As {@link #run}, with {@code whileRunning} told of the process once stdin is closed. */
  static Result run(List<String> command, Path directory, Map<String, String> environment,
      String stdin, WhileRunning whileRunning) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().clear();
    builder.environment().put("PATH", LAUNCHER.getParent() + ":" + System.getenv("PATH"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("JAVA_OPTS", QUICK_START);
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    whileRunning.accept(process);
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within " + TIMEOUT_SECONDS + " s");
    }
    return new Result(command, process.exitValue(), out.join(), err.join());
  }

  /** {@code bin/ttn-lw-migrate ARGS}. */
  static Result launcher(Path directory, Map<String, String> environment, String stdin,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
    command.addAll(List.of(args));
    return run(command, directory, environment, stdin);
  }

  /** {@code java -jar JAR ARGS}. */
  static Result javaJar(Path jar, Path directory, Map<String, String> environment, String stdin,
      String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return run(command, directory, environment, stdin);
  }

  /**
   * Reads {@code stream} to its end on a thread of its own: on the common pool, runs started at
   * once could take its few threads and leave a child blocked on a full pipe.
   */
  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (stream) {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, task -> {
      Thread thread = new Thread(task, "packaged-tool-drain");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** A copy of the packaged jar (and its archive, when asked) in {@code directory}. */
  static Path installCopy(Path directory, boolean withArchive) throws IOException {
    Path jar = directory.resolve("ttn-lw-migrate.jar");
    Files.copy(JAR, jar);
    if (withArchive) {
      Files.copy(ARCHIVE, directory.resolve("ttn-lw-migrate.jsa"));
    }
    return jar;
  }

  /**
   * Whether the JVM that wrote {@code classLog} ({@code -Xlog:class+load:file=...}) took the
   * tool's main class from a start-up archive (the JDK's own holds no class of ours).
   */
  static boolean mainClassFromArchive(Path classLog) throws IOException {
    try (Stream<String> lines = Files.lines(classLog)) {
      return lines.anyMatch(line -> line.contains(" org.ttnlw.migrate.cli.Main ")
          && line.contains("source: shared objects file"));
    }
  }
}
