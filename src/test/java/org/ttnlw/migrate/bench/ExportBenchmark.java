package org.ttnlw.migrate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ttnlw.migrate.cli.Io;
import org.ttnlw.migrate.cli.Main;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.SimulatorMain;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * Throughput and memory of a whole-application export, printed as figures: see
 * docs/performance.md for the command and recorded results.
 *
 * <p>Throughput: a simulator in this JVM answers every call after {@code --latency-ms}; the
 * application is exported with {@code --concurrency 1} (the baseline) and then with the
 * defaults, each against a freshly seeded simulator, and the two outputs are compared.
 *
 * <p>Memory: a simulator in a child JVM holds {@code --memory-devices} devices; the export runs
 * in another child JVM limited to 256 MB of heap, which reports its own peak heap and RSS.
 */
public final class ExportBenchmark {
  private static final String API_KEY = "NNSXS.BENCHMARK-KEY";
  private static final String MEMORY_MAX_HEAP = "256m";
  private static final Pattern MEASURED =
      Pattern.compile("measured: peak-heap-bytes=(\\d+) peak-rss-bytes=(-?\\d+)");

  private ExportBenchmark() {}

  record Run(String label, long devices, Duration wall, long calls, long peakHeap,
      String outputDigest) {
    double devicesPerSecond() {
      return devices / (wall.toNanos() / 1e9);
    }

    void print() {
      System.out.printf("%-26s %8d devices  %8.2f s  %9.1f devices/s  %s  peak heap %6.1f MB%n",
          label, devices, wall.toNanos() / 1e9, devicesPerSecond(),
          calls < 0 ? "" : String.format("%.2f calls/device", (double) calls / devices),
          peakHeap / 1e6);
    }
  }

  public static void main(String[] args) throws Exception {
    int devices = 2000;
    int latencyMs = 20;
    int memoryDevices = 100_000;
    String mode = "both";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--devices" -> devices = Integer.parseInt(args[++i]);
        case "--latency-ms" -> latencyMs = Integer.parseInt(args[++i]);
        case "--memory-devices" -> memoryDevices = Integer.parseInt(args[++i]);
        case "--mode" -> mode = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --devices N --latency-ms N --memory-devices N --mode throughput|memory|both");
      }
    }
    System.out.printf("java %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    if (!mode.equals("memory")) {
      throughput(devices, latencyMs);
    }
    if (!mode.equals("throughput")) {
      memory(memoryDevices);
    }
  }

  private static void throughput(int devices, int latencyMs) throws Exception {
    System.out.printf("%n== throughput: %d devices, %d ms per call, TLS on loopback%n",
        devices, latencyMs);
    baselineAgainstDefaults((label, extraArgs) ->
        exportFromFreshSimulator(label, devices, latencyMs, extraArgs));
  }

  /** One export against a freshly seeded simulator, with extra command-line arguments. */
  @FunctionalInterface
  interface FreshExport {
    Run run(String label, String... extraArgs) throws Exception;
  }

  /**
   * Exports with {@code --concurrency 1} and then with the defaults, and prints both, the
   * speed-up and whether the outputs agree.
   */
  static void baselineAgainstDefaults(FreshExport export) throws Exception {
    Run baseline = export.run("--concurrency 1 (baseline)", "--concurrency", "1");
    baseline.print();
    Run defaults = export.run("defaults (--concurrency 16)");
    defaults.print();
    System.out.printf("speed-up over baseline: %.1fx%n",
        defaults.devicesPerSecond() / baseline.devicesPerSecond());
    System.out.println("outputs identical: " + baseline.outputDigest().equals(defaults.outputDigest()));
  }

  private static Run exportFromFreshSimulator(String label, int devices, int latencyMs,
      String... extraArgs) throws Exception {
    try (TtsSimulator simulator = TtsSimulator.builder().apiKey(API_KEY).tls(true)
        .latency(Duration.ofMillis(latencyMs)).start()) {
      for (EndDevice device : SampleDevices.application("my-app", devices)) {
        simulator.put(device, SampleDevices.servers(device));
      }
      Run run = export(label, simulator.address(), simulator.caFile(), extraArgs);
      return new Run(label, run.devices(), run.wall(), simulator.calls().size(), run.peakHeap(),
          run.outputDigest());
    }
  }

  private static void memory(int devices) throws Exception {
    System.out.printf("%n== memory: %d devices, no added latency; simulator and export each in"
        + " a child JVM, the export with -Xmx%s%n", devices + 1, MEMORY_MAX_HEAP);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process simulator = new ProcessBuilder(javaBinary(), "-Xmx4g", "-cp",
        System.getProperty("java.class.path"), SimulatorMain.class.getName(), "--tls",
        "--port", Integer.toString(port), "--devices", Integer.toString(devices),
        "--api-key", API_KEY)
        .redirectErrorStream(true)
        .start();
    try {
      Path caFile = awaitSimulator(simulator.getInputStream());
      ProcessBuilder export = new ProcessBuilder(javaBinary(), "-Xmx" + MEMORY_MAX_HEAP, "-cp",
          System.getProperty("java.class.path"), MeasuredExport.class.getName(),
          "application", "--source", "ttnv3", "my-app");
      export.environment().putAll(environment("localhost:" + port, caFile));
      export.redirectError(ProcessBuilder.Redirect.PIPE);
      long start = System.nanoTime();
      Process process = export.start();
      StringBuilder stderr = new StringBuilder();
      Thread errors = new Thread(() -> new BufferedReader(new InputStreamReader(
          process.getErrorStream(), StandardCharsets.UTF_8)).lines()
          .forEach(line -> stderr.append(line).append('\n')));
      errors.start();
      DigestingSink out = new DigestingSink();
      try (InputStream in = process.getInputStream()) {
        in.transferTo(out);
      }
      int exit = process.waitFor();
      errors.join();
      Duration wall = Duration.ofNanos(System.nanoTime() - start);
      if (exit != 0) {
        throw new IllegalStateException("export exited with " + exit + ":\n" + stderr);
      }
      Matcher measured = MEASURED.matcher(stderr);
      if (!measured.find()) {
        throw new IllegalStateException("no measurement from the export:\n" + stderr);
      }
      new Run("defaults (--concurrency 16)", out.lines, wall, -1,
          Long.parseLong(measured.group(1)), out.digest()).print();
      System.out.printf("peak RSS of the exporting JVM: %.1f MB%n",
          Long.parseLong(measured.group(2)) / 1e6);
    } finally {
      simulator.destroy();
      simulator.waitFor();
    }
  }

  private static Run export(String label, String address, Path caFile, String... extraArgs)
      throws NoSuchAlgorithmException {
    List<String> args = new ArrayList<>(List.of("application", "--source", "ttnv3", "my-app"));
    args.addAll(List.of(extraArgs));
    return export(label, args, environment(address, caFile));
  }

  /** Runs the tool in this JVM with {@code args}, counting and hashing its output. */
  static Run export(String label, List<String> args, Map<String, String> environment)
      throws NoSuchAlgorithmException {
    DigestingSink out = new DigestingSink();
    System.gc();
    resetPeakHeap();
    long start = System.nanoTime();
    int exit = Main.run(args.toArray(String[]::new),
        new Io(environment, InputStream.nullInputStream(), out, System.err, new StopSignal()));
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    if (exit != 0) {
      throw new IllegalStateException(label + ": export exited with " + exit);
    }
    return new Run(label, out.lines, wall, -1, peakHeapBytes(), out.digest());
  }

  private static Map<String, String> environment(String address, Path caFile) {
    return Map.of(
        "TTNV3_APP_API_KEY", API_KEY,
        "TTNV3_DEFAULT_GRPC_ADDRESS", address,
        "TTNV3_CA_FILE", caFile.toString());
  }

  private static Path awaitSimulator(InputStream output) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
    Path caFile = null;
    for (String line; (line = reader.readLine()) != null; ) {
      if (line.startsWith("CA certificate: ")) {
        caFile = Path.of(line.substring("CA certificate: ".length()));
      }
      if (line.startsWith("application my-app holds")) {
        Thread drain = new Thread(() -> reader.lines().forEach(l -> { }));
        drain.setDaemon(true);
        drain.start();
        return caFile;
      }
    }
    throw new IOException("the simulator exited before it was ready");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void resetPeakHeap() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks since the JVM started or they were reset. */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  /** Counts and hashes the device lines instead of keeping them. */
  private static final class DigestingSink extends OutputStream {
    private final MessageDigest sha256;
    private long lines;

    DigestingSink() throws NoSuchAlgorithmException {
      sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Override
    public void write(int b) {
      sha256.update((byte) b);
      if (b == '\n') {
        lines++;
      }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      sha256.update(bytes, offset, length);
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\n') {
          lines++;
        }
      }
    }

    String digest() {
      return HexFormat.of().formatHex(sha256.digest());
    }
  }
}
