package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAccessGrpc;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.SimulatedStation;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * Gateways through {@code bin/ttn-lw-migrate}, as operators run them, for what the docs promise
 * beyond the happy path: a taken EUI, a managed gateway, each takeover mode, a timeout that
 * reverts, a dry run, a key that cannot create, a registration that fails half-way and is
 * rolled back. No key ever reaches stdout or stderr; every stdout line is a TTS gateway. The cases
 * run at once, each against simulators and in a folder of its own.
 */
class GatewayLauncherIT {
  private static final String SOURCE_KEY = "NNSXS.LAUNCHER-SOURCE-GATEWAY-KEY";
  private static final String TARGET_KEY = "NNSXS.LAUNCHER-TARGET-GATEWAY-KEY";
  private static final String UDP = SampleGateways.udp().getIds().getGatewayId();
  private static final String STATION = SampleGateways.basicsStation().getIds().getGatewayId();

  @TempDir
  Path folder;
  private TwoDeployments tts;
  private TtsSimulator source;
  private TtsSimulator target;
  private final ScheduledExecutorService hardware = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() throws Exception {
    tts = new TwoDeployments(0);
    source = tts.source;
    target = tts.target;
    tts.seedGateways(SOURCE_KEY, TARGET_KEY);
  }

  @AfterEach
  void stop() {
    hardware.shutdownNow();
    tts.close();
  }

  private Map<String, String> environment(String targetKey) {
    Map<String, String> environment = new HashMap<>(tts.environment());
    environment.put("TTNV3_GATEWAY_API_KEY", SOURCE_KEY);
    environment.put("TARGET_GATEWAY_API_KEY", targetKey);
    environment.put("TARGET_COLLABORATOR", "user:bob");
    environment.put("TARGET_GATEWAY_SERVER_ADDRESS", target.gatewayServerAddress());
    return environment;
  }

  private PackagedTool.Result runWithKey(String targetKey, String... args) throws Exception {
    PackagedTool.Result result = PackagedTool.launcher(folder, environment(targetKey), "", args);
    List<String> secrets = new ArrayList<>(List.of(SOURCE_KEY, TARGET_KEY,
        SampleGateways.BASICS_STATION_LNS_KEY));
    Path keys = folder.resolve("gateway-keys.json");
    if (Files.exists(keys)) {
      for (String line : Files.readAllLines(keys)) {
        secrets.add(new ObjectMapper().readTree(line)
            .path("key").asText());
      }
    }
    for (String secret : secrets) {
      assertFalse(result.stdout().contains(secret) || result.stderr().contains(secret),
          "a key was printed\n" + result);
    }
    result.stdout().lines().filter(line -> !line.isBlank())
        .forEach(line -> TtsJson.instance().merge(line, Gateway.newBuilder()));
    return result;
  }

  private PackagedTool.Result run(String... args) throws Exception {
    return runWithKey(TARGET_KEY, args);
  }

  private void connectWhenRegistered(String gatewayId) {
    hardware.scheduleWithFixedDelay(() -> {
      if (target.gateway(gatewayId).isPresent() && !target.isConnected(gatewayId)) {
        target.connect(gatewayId, "udp");
      }
    }, 20, 20, TimeUnit.MILLISECONDS);
  }

  private int creates() {
    return target.gatewayRequests(GatewayRegistryGrpc.getCreateMethod()).size();
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void exportThenImport() throws Exception {
    PackagedTool.Result exported = run("gateway", "--source", "ttnv3", UDP, STATION);
    assertEquals(0, exported.exitCode(), exported.toString());
    Files.writeString(folder.resolve("gateways.json"), exported.stdout());

    PackagedTool.Result imported = run("import-gateways", "gateways.json", "--create-lns-keys");

    assertEquals(0, imported.exitCode(), imported.toString());
    assertTrue(imported.stderr().contains("imported 2 (created 2)"), imported.stderr());
    assertEquals(1, target.gatewayApiKeys(STATION).size());
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(folder.resolve("gateway-keys.json"))));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aTakenEuiAndAManagedGatewayAreNamedAndNotCreated() throws Exception {
    target.addGateway(SampleGateways.udp().toBuilder()
        .setIds(SampleGateways.udp().getIds().toBuilder().setGatewayId("someone-elses"))
        .clearCreatedAt().clearUpdatedAt().build(), "user:bob");
    target.declareClaimable("AC1F09FFFE08A1C3", true);

    PackagedTool.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP, STATION,
        "--verify-timeout", "1s");

    assertEquals(3, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("registered in the target as gateway someone-elses"),
        result.stderr());
    assertTrue(result.stderr().contains("managed gateway the target can claim"), result.stderr());
    assertEquals(0, creates());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void takeoverNoneWaitsForTheConnectionThenDeletesAtTheSource() throws Exception {
    connectWhenRegistered(UDP);

    PackagedTool.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP,
        "--takeover", "none", "--verify-timeout", "10s", "--ttnv3.delete-source-gateway");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(source.isDeleted(UDP));
    assertTrue(result.stderr().contains("handed over 0, deleted 1"), result.stderr());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void lnsRedirectMovesTheGatewayAndATimeoutRevertsAnother() throws Exception {
    try (SimulatedStation station = SimulatedStation.following(source, target, STATION)) {
      PackagedTool.Result moved = run("migrate", "gateway", "--source", "ttnv3", STATION,
          "--takeover", "lns-redirect", "--verify-timeout", "10s");
      assertEquals(0, moved.exitCode(), moved.toString());
      assertTrue(target.isConnected(STATION));
    }
    Gateway kept = SampleGateways.basicsStation().toBuilder()
        .setIds(SampleGateways.basicsStation().getIds().toBuilder()
            .setGatewayId("rak-no-station").setEui(ByteString.fromHex("AC1F09FFFE08A1FF")))
        .build();
    source.addGateway(kept, "user:alice");

    PackagedTool.Result reverted = run("migrate", "gateway", "--source", "ttnv3",
        "rak-no-station", "--takeover", "lns-redirect", "--verify-timeout", "1s", "--state",
        "second.state");

    assertEquals(3, reverted.exitCode(), reverted.toString());
    assertTrue(reverted.stderr().contains("registered on both, not connected"),
        reverted.stderr());
    Gateway after = source.gateway("rak-no-station").orElseThrow();
    assertEquals(kept.getGatewayServerAddress(), after.getGatewayServerAddress());
    assertEquals(kept.getLbsLnsSecret().getValue(), after.getLbsLnsSecret().getValue());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aDryRunChangesNothing() throws Exception {
    PackagedTool.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP, STATION,
        "--dry-run");

    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("would be created 2"), result.stderr());
    assertEquals(0, creates());
    assertEquals(List.of(), source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod()));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aKeyWithoutTheCreateRightWritesNothingAnywhere() throws Exception {
    target.addGatewayKey("NNSXS.LAUNCHER-READER", "user:bob",
        Set.of(Right.RIGHT_USER_GATEWAYS_LIST));

    PackagedTool.Result result = runWithKey("NNSXS.LAUNCHER-READER", "migrate", "gateway", "--source",
        "ttnv3", UDP, "--verify-timeout", "1s");

    // A missing right would fail every gateway: the run stops there (exit 1), whatever
    // --continue-on-error says.
    assertEquals(1, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("USER_GATEWAYS_CREATE"), result.stderr());
    assertTrue(result.stderr().contains("ttn-lw-migrate: stopped; "), result.stderr());
    assertEquals("", result.stdout());
    assertTrue(target.gateway(UDP).isEmpty());
    assertEquals(List.of(), source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod()));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aRegistrationThatFailsHalfWayIsDeletedFromTheTargetAgain() throws Exception {
    target.gatewayFaults(call -> call.is(GatewayAccessGrpc.getCreateAPIKeyMethod())
        ? Optional.of(Fault.of(Status.INTERNAL.withDescription("key store down")))
        : Optional.empty());

    PackagedTool.Result result = run("migrate", "gateway", "--source", "ttnv3", STATION,
        "--verify-timeout", "1s", "--retries", "0");

    assertEquals(3, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("the gateway was deleted from the target again"),
        result.stderr());
    assertTrue(target.isDeleted(STATION));
    assertEquals(List.of(), source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod()));
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aGatewayThatDiffersInTheTargetIsReportedNotOverwritten() throws Exception {
    target.addGateway(SampleGateways.udp().toBuilder().setName("renamed by hand")
        .setGatewayServerAddress(target.gatewayServerAddress())
        .clearCreatedAt().clearUpdatedAt().build(), "user:bob");

    PackagedTool.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP,
        "--verify-timeout", "1s");

    assertEquals(3, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("already in the target and differs in name"),
        result.stderr());
    assertEquals("renamed by hand", target.gateway(UDP).orElseThrow().getName());
    assertEquals(0, creates());
  }
}
