package org.ttnlw.migrate.bench;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * Gateways through the pipeline against devices in the same run: a gateway export and a
 * gateway migration (pre-flight, create, read-back, then the wait for the connection, which
 * simulated hardware makes as soon as a gateway is registered) per second, as ratios to a
 * device export of as many devices, and the calls per gateway on each side. Simulators over TLS
 * on loopback answer every call after {@code --latency-ms}. See docs/performance.md.
 */
public final class GatewayBenchmark {
  private static final String DEVICE_KEY = "NNSXS.BENCHMARK-DEVICE-KEY";
  private static final String SOURCE_KEY = "NNSXS.BENCHMARK-GATEWAY-SOURCE-KEY";
  private static final String TARGET_KEY = "NNSXS.BENCHMARK-GATEWAY-TARGET-KEY";

  private GatewayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = 300;
    int latencyMs = 20;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--gateways" -> count = Integer.parseInt(args[++i]);
        case "--latency-ms" -> latencyMs = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; use --gateways N --latency-ms N");
      }
    }
    System.out.printf("java %s, %d cores%n== gateways: %d gateways (and as many devices as the"
        + " baseline), %d ms per call on each side, TLS on loopback%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), count,
        latencyMs);
    Duration latency = Duration.ofMillis(latencyMs);
    double devices = deviceExport(count, latency);
    double export = gateways("gateway export", count, latency, false);
    double migrate = gateways("migrate gateway", count, latency, true);
    System.out.printf("gateway export runs at %.2f, migrate gateway at %.2f of the device"
        + " export's items per second%n", export / devices, migrate / devices);
  }

  private static double deviceExport(int count, Duration latency) throws Exception {
    try (TtsSimulator source = TtsSimulator.builder().apiKey(DEVICE_KEY).tls(true)
        .latency(latency).start()) {
      for (EndDevice device : SampleDevices.application("my-app", count)) {
        source.put(device, SampleDevices.servers(device));
      }
      ExportBenchmark.Run run = ExportBenchmark.export("device export (baseline)",
          List.of("application", "--source", "ttnv3", "my-app", "--dry-run"), Map.of(
              "TTNV3_APP_API_KEY", DEVICE_KEY,
              "TTNV3_DEFAULT_GRPC_ADDRESS", source.address(),
              "TTNV3_CA_FILE", source.caFile().toString()));
      run.print();
      return run.devicesPerSecond();
    }
  }

  private static double gateways(String label, int count, Duration latency, boolean migrate)
      throws Exception {
    try (TtsSimulator source = TtsSimulator.builder().apiKey(DEVICE_KEY).tls(true)
            .latency(latency).start();
        TtsSimulator target = TtsSimulator.builder().apiKey(DEVICE_KEY).tls(true)
            .latency(latency).start()) {
      source.addGatewayKey(SOURCE_KEY, "user:alice", Set.of(Right.RIGHT_ALL));
      target.addGatewayKey(TARGET_KEY, "user:bob", Set.of(Right.RIGHT_ALL));
      Gateway sample = SampleGateways.twoAntennas();
      for (int i = 0; i < count; i++) {
        byte[] eui = {0x70, 0x76, (byte) 0xff, 0, 0, 0, (byte) (i >> 8), (byte) i};
        source.addGateway(sample.toBuilder().setIds(GatewayIdentifiers.newBuilder()
            .setGatewayId(String.format("gateway-%05d", i)).setEui(ByteString.copyFrom(eui)))
            .build(), "user:alice");
      }
      Path state = Files.createTempFile("gateway-benchmark", ".state");
      Files.delete(state);
      Map<String, String> environment = new HashMap<>(Map.of(
          "TTNV3_DEFAULT_GRPC_ADDRESS", source.address(),
          "TTNV3_CA_FILE", source.caFile().toString(),
          "TTNV3_GATEWAY_API_KEY", SOURCE_KEY,
          "TARGET_DEFAULT_GRPC_ADDRESS", target.address(),
          "TARGET_CA_FILE", target.caFile().toString(),
          "TARGET_GATEWAY_API_KEY", TARGET_KEY,
          "TARGET_COLLABORATOR", "user:bob"));
      List<String> args = migrate
          ? List.of("migrate", "gateway", "--source", "ttnv3", "--all", "--state",
              state.toString(), "--takeover", "none", "--verify-timeout", "30s")
          : List.of("gateway", "--source", "ttnv3", "--all");
      ScheduledExecutorService hardware = Executors.newSingleThreadScheduledExecutor();
      hardware.scheduleWithFixedDelay(() -> {
        for (int i = 0; i < count; i++) {
          String id = String.format("gateway-%05d", i);
          if (target.gateway(id).isPresent() && !target.isConnected(id)) {
            target.connect(id, "udp");
          }
        }
      }, 10, 10, TimeUnit.MILLISECONDS);
      long before = source.gatewayCalls().size();
      ExportBenchmark.Run run;
      try {
        run = ExportBenchmark.export(label, args, environment);
      } finally {
        hardware.shutdownNow();
      }
      long sourceCalls = source.gatewayCalls().size() - before;
      long targetCalls = target.gatewayCalls().size();
      System.out.printf("%-26s %8d gateways %8.2f s %9.1f gateways/s  source %.2f"
              + " calls/gateway  target %.2f calls/gateway%n", label, run.devices(),
          run.wall().toNanos() / 1e9, run.devicesPerSecond(), (double) sourceCalls / count,
          (double) targetCalls / count);
      Files.deleteIfExists(state);
      return run.devicesPerSecond();
    }
  }
}
