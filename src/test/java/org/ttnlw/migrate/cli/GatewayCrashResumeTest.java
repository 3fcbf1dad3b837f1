package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.CreateGatewayRequest;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * A gateway migration that deletes at the source, killed with SIGKILL half-way, then run again:
 * every gateway is created once in the target, and none was deleted at the source before it
 * was connected to the target.
 */
class GatewayCrashResumeTest {
  private static final int GATEWAYS = 60;
  private static final String SOURCE_KEY = "NNSXS.CRASH-SOURCE-GATEWAY-KEY";
  private static final String TARGET_KEY = "NNSXS.CRASH-TARGET-GATEWAY-KEY";

  @TempDir
  Path folder;

  @Test
  void killedGatewayMigrationResumesAndDeletesOnlyConnectedGateways() throws Exception {
    try (TtsSimulator source = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true)
            .latency(Duration.ofMillis(5)).start();
        TtsSimulator target = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true)
            .latency(Duration.ofMillis(5)).start()) {
      source.addGatewayKey(SOURCE_KEY, "user:alice", Set.of(Right.RIGHT_ALL));
      target.addGatewayKey(TARGET_KEY, "user:bob", Set.of(Right.RIGHT_ALL));
      for (int i = 0; i < GATEWAYS; i++) {
        source.addGateway(SampleGateways.udp().toBuilder().setIds(GatewayIdentifiers.newBuilder()
            .setGatewayId(String.format("gateway-%03d", i))
            .setEui(ByteString.copyFrom(new byte[] {0, (byte) 0x80, 0, 0, 0, 0, 0, (byte) i})))
            .build(), "user:alice");
      }
      Set<String> deletedBeforeConnected = ConcurrentHashMap.newKeySet();
      ScheduledExecutorService hardware = Executors.newSingleThreadScheduledExecutor();
      hardware.scheduleWithFixedDelay(() -> {
        for (int i = 0; i < GATEWAYS; i++) {
          String id = String.format("gateway-%03d", i);
          if (source.isDeleted(id) && !target.isConnected(id)) {
            deletedBeforeConnected.add(id);
          }
          // The owner switches a gateway over a while after it appears in the target.
          if (target.gateway(id).isPresent() && !target.isConnected(id) && i % 3 != 0) {
            target.connect(id, "udp");
          }
        }
      }, 5, 5, TimeUnit.MILLISECONDS);
      Map<String, String> environment = new HashMap<>(CliRun.environment(source));
      environment.put("TTNV3_GATEWAY_API_KEY", SOURCE_KEY);
      environment.put("TARGET_DEFAULT_GRPC_ADDRESS", target.address());
      environment.put("TARGET_CA_FILE", target.caFile().toString());
      environment.put("TARGET_GATEWAY_API_KEY", TARGET_KEY);
      environment.put("TARGET_COLLABORATOR", "user:bob");
      Path state = folder.resolve("gateways.state");
      List<String> args = List.of("migrate", "gateway", "--source", "ttnv3", "--all",
          "--ttnv3.delete-source-gateway", "--verify-timeout", "20s", "--state",
          state.toString(), "--concurrency", "4");

      ProcessBuilder child = new ProcessBuilder(javaBinary(), "-cp",
          System.getProperty("java.class.path"), Main.class.getName());
      child.command().addAll(args);
      child.environment().putAll(environment);
      child.redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile());
      Process process = child.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (creates(target) < GATEWAYS / 3 && process.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(process.isAlive(), "the child finished before it could be killed: "
          + Files.readString(folder.resolve("child.log")));
      process.destroyForcibly().waitFor();

      // The gateways the owner never switches over are switched now, before the re-run.
      for (int i = 0; i < GATEWAYS; i += 3) {
        String id = String.format("gateway-%03d", i);
        if (target.gateway(id).isPresent()) {
          target.connect(id, "udp");
        }
      }
      hardware.scheduleWithFixedDelay(() -> {
        for (int i = 0; i < GATEWAYS; i += 3) {
          String id = String.format("gateway-%03d", i);
          if (target.gateway(id).isPresent() && !target.isConnected(id)) {
            target.connect(id, "udp");
          }
        }
      }, 5, 5, TimeUnit.MILLISECONDS);
      CliRun.Result again = CliRun.run(environment, "", args.toArray(String[]::new));
      hardware.shutdownNow();

      assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
      Map<String, Long> createdPerGateway = target
          .gatewayRequests(GatewayRegistryGrpc.getCreateMethod()).stream()
          .collect(Collectors.groupingBy(r -> r.getGateway().getIds().getGatewayId(),
              Collectors.counting()));
      assertEquals(GATEWAYS, createdPerGateway.size());
      assertTrue(createdPerGateway.values().stream().allMatch(n -> n == 1), createdPerGateway
          .toString());
      assertEquals(Set.of(), deletedBeforeConnected);
      for (int i = 0; i < GATEWAYS; i++) {
        assertTrue(source.isDeleted(String.format("gateway-%03d", i)), "gateway " + i);
      }
    }
  }

  private static long creates(TtsSimulator target) {
    List<CreateGatewayRequest> creates =
        target.gatewayRequests(GatewayRegistryGrpc.getCreateMethod());
    return creates.size();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
