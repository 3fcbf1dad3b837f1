package org.ttnlw.migrate.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * A whole-application {@code migrate} against an export of the same application in the same
 * process: devices per second and calls per device on each side. Source and target are
 * simulators over TLS on loopback that answer every call after {@code --latency-ms}; each run
 * gets freshly seeded ones. See docs/performance.md.
 */
public final class MigrateBenchmark {
  private static final String SOURCE_KEY = "NNSXS.BENCHMARK-SOURCE-KEY";
  private static final String TARGET_KEY = "NNSXS.BENCHMARK-TARGET-KEY";

  private MigrateBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, 500);
    int devices = parsed.devices();
    int latencyMs = parsed.latencyMs();
    System.out.printf("java %s, %d cores%n== migrate: %d devices, %d ms per call on each side,"
        + " TLS on loopback%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), devices, latencyMs);
    Sides export = run("export (baseline)", devices, latencyMs, false);
    Sides migrate = run("migrate", devices, latencyMs, true);
    System.out.printf("migrate runs at %.2f of the export's devices per second%n",
        migrate.run().devicesPerSecond() / export.run().devicesPerSecond());
  }

  /** A run with the calls each side received. */
  private record Sides(ExportBenchmark.Run run, long sourceCalls, long targetCalls) {
    void print() {
      System.out.printf("%-18s %6d devices %8.2f s %8.1f devices/s  source %.2f calls/device"
              + "  target %.2f calls/device%n", run.label(), run.devices(),
          run.wall().toNanos() / 1e9, run.devicesPerSecond(),
          (double) sourceCalls / run.devices(), (double) targetCalls / run.devices());
    }
  }

  private static Sides run(String label, int devices, int latencyMs, boolean migrate)
      throws Exception {
    Duration latency = Duration.ofMillis(latencyMs);
    try (TtsSimulator source = TtsSimulator.builder().apiKey(SOURCE_KEY).tls(true)
            .latency(latency).start();
        TtsSimulator target = TtsSimulator.builder().apiKey(TARGET_KEY).tls(true)
            .latency(latency).start()) {
      for (EndDevice device : SampleDevices.application("my-app", devices)) {
        source.put(device, SampleDevices.servers(device));
      }
      target.addApplication("new-app");
      Map<String, String> environment = new HashMap<>(Map.of(
          "TTNV3_APP_API_KEY", SOURCE_KEY,
          "TTNV3_DEFAULT_GRPC_ADDRESS", source.address(),
          "TTNV3_CA_FILE", source.caFile().toString(),
          "TARGET_APP_API_KEY", TARGET_KEY,
          "TARGET_DEFAULT_GRPC_ADDRESS", target.address(),
          "TARGET_CA_FILE", target.caFile().toString(),
          "TARGET_APP_ID", "new-app"));
      List<String> args = migrate
          ? List.of("migrate", "application", "--source", "ttnv3", "my-app")
          : List.of("application", "--source", "ttnv3", "my-app");
      Sides sides = new Sides(ExportBenchmark.export(label, args, environment),
          source.calls().size(), target.calls().size());
      sides.print();
      return sides;
    }
  }
}
