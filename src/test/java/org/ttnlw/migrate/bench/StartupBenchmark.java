package org.ttnlw.migrate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * Start-up of the packaged tool, each command a fresh process as in a shell loop: the median of
 * {@code --runs} wall times of {@code java -version} (the floor), {@code --version}, {@code --help},
 * a one-device export and a one-device migrate against simulators over TLS on loopback, through
 * {@code java -jar} and through {@code bin/ttn-lw-migrate}, on each JDK named by {@code --jdk};
 * then a small application (80 devices, 100 ms per call) exported with the defaults against
 * {@code --concurrency 1}, each a fresh process, through both. {@code java -jar} is how the tool
 * started before the launcher chose its archive and compiler (see docs/performance.md).
 */
public final class StartupBenchmark {
  private static final Path PROJECT = Path.of("").toAbsolutePath();
  private static final Path LAUNCHER = PROJECT.resolve("bin/ttn-lw-migrate");
  private static final Path JAR = PROJECT.resolve("target/ttn-lw-migrate.jar");
  private static final int SMALL_APPLICATION = 80;
  private static final Duration SMALL_APPLICATION_LATENCY = Duration.ofMillis(100);
  private static final Path ERRORS = PROJECT.resolve("target/startup-benchmark-stderr.txt");

  private StartupBenchmark() {}

  /** A way of starting the tool: its command line before the tool's own arguments. */
  private record Start(String label, List<String> prefix) {}

  private record Row(String label, List<String> args, boolean resetMigrated) {}

  public static void main(String[] args) throws Exception {
    int runs = 9;
    List<Path> jdks = new ArrayList<>();
    boolean smallApplication = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--jdk" -> jdks.add(Path.of(args[++i]));
        case "--no-small-application" -> smallApplication = false;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: StartupBenchmark [--runs N] [--jdk JAVA_HOME]... [--no-small-application]");
      }
    }
    if (jdks.isEmpty()) {
      jdks.add(Path.of(System.getProperty("java.home")));
    }
    try (TwoDeployments tts = new TwoDeployments(0)) {
      for (Path jdk : jdks) {
        startup(jdk, runs, tts);
      }
    }
    if (smallApplication) {
      for (Path jdk : jdks) {
        smallApplication(jdk);
      }
    }
  }

  private static void startup(Path jdk, int runs, TwoDeployments tts) throws Exception {
    String java = jdk.resolve("bin/java").toString();
    Map<String, String> environment = new HashMap<>(tts.environment());
    environment.put("JAVA_HOME", jdk.toString());
    List<Start> starts = List.of(
        new Start("java -jar", List.of(java, "-jar", JAR.toString())),
        new Start("bin/ttn-lw-migrate", List.of(LAUNCHER.toString())));
    List<Row> rows = List.of(
        new Row("--version", List.of("--version"), false),
        new Row("--help", List.of("--help"), false),
        new Row("export, 1 device (TLS)",
            List.of("device", "--source", "ttnv3", "my-device"), false),
        new Row("migrate, 1 device (TLS)",
            List.of("migrate", "device", "--source", "ttnv3", "my-device"), true));
    double floor = median(runs, () -> time(List.of(java, "-version"), environment));
    System.out.printf("%n== start-up, %s, median of %d, each a fresh process; ratio to java -version%n",
        jdk, runs);
    System.out.printf("%-26s %-22s %-22s%n", "", starts.get(0).label(), starts.get(1).label());
    System.out.printf("%-26s %7.2f s  %5.1fx%n", "java -version", floor, 1.0);
    for (Row row : rows) {
      StringBuilder line = new StringBuilder(String.format("%-26s", row.label()));
      for (Start start : starts) {
        List<String> command = new ArrayList<>(start.prefix());
        command.addAll(row.args());
        double seconds = median(runs, () -> {
          if (row.resetMigrated()) {
            resetMigrated(tts);
          }
          return time(command, environment);
        });
        line.append(String.format(" %7.2f s  %5.1fx      ", seconds, seconds / floor));
      }
      System.out.println(line.toString().stripTrailing());
    }
  }

  /** Puts my-device back as the source had it and takes it out of the target. */
  private static void resetMigrated(TwoDeployments tts) {
    tts.target.remove(TwoDeployments.TARGET_APP, "my-device");
    tts.source.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
  }

  private static void smallApplication(Path jdk) throws Exception {
    System.out.printf("%n== %d devices, %d ms per call, TLS on loopback, each run a fresh process,"
        + " %s%n", SMALL_APPLICATION, SMALL_APPLICATION_LATENCY.toMillis(), jdk);
    List<Start> starts = List.of(
        new Start("java -jar", List.of(jdk.resolve("bin/java").toString(), "-jar", JAR.toString())),
        new Start("bin/ttn-lw-migrate", List.of(LAUNCHER.toString())));
    for (Start start : starts) {
      double baseline = smallApplicationExport(jdk, start, "--concurrency", "1");
      double defaults = smallApplicationExport(jdk, start);
      System.out.printf("%-20s --concurrency 1 %7.2f s, defaults %7.2f s, speed-up %.1fx%n",
          start.label(), baseline, defaults, baseline / defaults);
    }
  }

  private static double smallApplicationExport(Path jdk, Start start, String... extraArgs)
      throws Exception {
    try (TtsSimulator simulator = TtsSimulator.builder().apiKey("NNSXS.BENCHMARK-KEY").tls(true)
        .latency(SMALL_APPLICATION_LATENCY).start()) {
      for (EndDevice device : SampleDevices.application("my-app", SMALL_APPLICATION)) {
        simulator.put(device, SampleDevices.servers(device));
      }
      List<String> command = new ArrayList<>(start.prefix());
      command.addAll(List.of("application", "--source", "ttnv3", "my-app"));
      command.addAll(Arrays.asList(extraArgs));
      return time(command, Map.of(
          "JAVA_HOME", jdk.toString(),
          "TTNV3_APP_API_KEY", "NNSXS.BENCHMARK-KEY",
          "TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address(),
          "TTNV3_APP_ID", "my-app",
          "TTNV3_CA_FILE", simulator.caFile().toString()));
    }
  }

  private interface Timed {
    double seconds() throws Exception;
  }

  private static double median(int runs, Timed timed) throws Exception {
    double[] seconds = new double[runs];
    for (int i = 0; i < runs; i++) {
      seconds[i] = timed.seconds();
    }
    Arrays.sort(seconds);
    return runs % 2 == 1 ? seconds[runs / 2] : (seconds[runs / 2 - 1] + seconds[runs / 2]) / 2;
  }

  /** Wall seconds of one run of {@code command}, which must exit 0. */
  private static double time(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ERRORS.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("TTNV3_")
        || name.startsWith("TARGET_") || name.equals("JAVA_OPTS"));
    builder.environment().putAll(environment);
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n"
          + Files.readString(ERRORS));
    }
    return seconds;
  }
}
