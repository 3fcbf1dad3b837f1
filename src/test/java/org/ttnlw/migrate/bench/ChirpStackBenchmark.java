package org.ttnlw.migrate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.bench.ExportBenchmark.Run;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;

/**
 * Throughput of a whole-application export from ChirpStack: a ChirpStack simulator in this JVM,
 * over TLS on loopback, answers every call after {@code --latency-ms}; the application (OTAA
 * devices of one profile, disabled after export) is exported with {@code --concurrency 1} and
 * then with the defaults, each against a freshly seeded simulator. See docs/performance.md.
 */
public final class ChirpStackBenchmark {
  private static final String API_KEY = "chirpstack-benchmark-key";

  private ChirpStackBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchArgs parsed = BenchArgs.parse(args, 500);
    int devices = parsed.devices();
    int latencyMs = parsed.latencyMs();
    System.out.printf("java %s, %d cores%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.printf("%n== ChirpStack throughput: %d devices, %d ms per call, TLS on loopback%n",
        devices, latencyMs);
    int count = devices;
    int latency = latencyMs;
    ExportBenchmark.baselineAgainstDefaults((label, extraArgs) ->
        exportFromFreshSimulator(label, count, latency, extraArgs));
  }

  private static Run exportFromFreshSimulator(String label, int devices, int latencyMs,
      String... extraArgs) throws Exception {
    try (ChirpStackSimulator simulator = ChirpStackSimulator.builder().adminKey(API_KEY)
        .tls(true).latency(Duration.ofMillis(latencyMs)).start()) {
      SampleChirpStack.seed(simulator);
      for (int i = 1; i <= devices; i++) {
        SampleChirpStack.putJoinedOtaa(simulator, i);
      }
      List<String> args = new ArrayList<>(
          List.of("chirpstack", "application", SampleChirpStack.APPLICATION));
      args.addAll(List.of(extraArgs));
      Run run = ExportBenchmark.export(label, args, Map.of(
          "CHIRPSTACK_API_URL", simulator.address(),
          "CHIRPSTACK_API_KEY", API_KEY,
          "CHIRPSTACK_CA_FILE", simulator.caFile().toString()));
      return new Run(label, run.devices(), run.wall(), simulator.calls().size(), run.peakHeap(),
          run.outputDigest());
    }
  }
}
