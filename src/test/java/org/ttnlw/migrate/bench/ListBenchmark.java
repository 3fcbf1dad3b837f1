package org.ttnlw.migrate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * {@code list} of a whole application, with and without a selection, against an export of the
 * same application in the same process: wall time and calls per device. The source is a
 * simulator over TLS on loopback that answers every call after {@code --latency-ms}, freshly
 * seeded for each run. See docs/performance.md.
 */
public final class ListBenchmark {
  private static final String API_KEY = "NNSXS.BENCHMARK-KEY";

  private ListBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, 2000);
    int devices = parsed.devices();
    int latencyMs = parsed.latencyMs();
    System.out.printf("java %s, %d cores%n== list against export: %d devices, %d ms per call,"
        + " TLS on loopback%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), devices, latencyMs);
    Measured export = run("export (baseline)", devices, latencyMs, List.of("application"));
    Measured list = run("list", devices, latencyMs, List.of("list"));
    Measured selected = run("list --select", devices, latencyMs, List.of("list", "--select",
        "attribute:site=building-3", "--select", "not-seen-within:30d"));
    System.out.printf("list takes %.3f of the export's time; with the selection %.3f%n",
        list.seconds() / export.seconds(), selected.seconds() / export.seconds());
  }

  /** A run's wall time, lines written and calls the source received. */
  private record Measured(String label, long lines, double seconds, long calls, int devices) {
    void print() {
      System.out.printf("%-20s %6d lines %8.2f s  %.3f calls/device%n", label, lines, seconds,
          (double) calls / devices);
    }
  }

  private static Measured run(String label, int devices, int latencyMs, List<String> command)
      throws Exception {
    try (TtsSimulator source = TtsSimulator.builder().apiKey(API_KEY).tls(true)
        .latency(Duration.ofMillis(latencyMs)).start()) {
      for (EndDevice device : SampleDevices.application("my-app", devices)) {
        source.put(device, SampleDevices.servers(device));
      }
      List<String> args = new ArrayList<>(command);
      args.addAll(List.of("--source", "ttnv3", "my-app"));
      ExportBenchmark.Run run = ExportBenchmark.export(label, args, Map.of(
          "TTNV3_APP_API_KEY", API_KEY,
          "TTNV3_DEFAULT_GRPC_ADDRESS", source.address(),
          "TTNV3_CA_FILE", source.caFile().toString()));
      Measured measured = new Measured(label, run.devices(), run.wall().toNanos() / 1e9,
          source.calls().size(), devices);
      measured.print();
      return measured;
    }
  }
}
