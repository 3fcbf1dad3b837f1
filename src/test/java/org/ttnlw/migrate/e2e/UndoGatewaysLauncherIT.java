package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAccessGrpc;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.sim.GatewayCall;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.SimulatedStation;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;

/**
 * {@code migrate gateway --takeover lns-redirect} then {@code undo} through
 * {@code bin/ttn-lw-migrate}, TTS to TTS: the target back as it was (what the run registered
 * deleted with its LNS key, a gateway there before untouched), the source's CUPS settings back
 * (secret equal), also when the undo is killed half-way and run again; a dry run changes
 * nothing. No key ever reaches stdout or stderr.
 */
class UndoGatewaysLauncherIT {
  private static final String SOURCE_KEY = "NNSXS.UNDO-SOURCE-GATEWAY-KEY";
  private static final String TARGET_KEY = "NNSXS.UNDO-TARGET-GATEWAY-KEY";
  private static final String STATE = "ttn-lw-migrate-gateways.state";
  private static final String UDP = SampleGateways.udp().getIds().getGatewayId();
  private static final String STATION = SampleGateways.basicsStation().getIds().getGatewayId();
  private static final String THERE_BEFORE = "there-before";
  private static final String CHIRPSTACK_KEY = "undo-chirpstack-key";

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
    target.addGateway(SampleGateways.twoAntennas().toBuilder()
        .setIds(SampleGateways.twoAntennas().getIds().toBuilder().setGatewayId(THERE_BEFORE)
            .setEui(ByteString.fromHex("0011223344556677")))
        .build(), "user:bob");
  }

  @AfterEach
  void stop() {
    hardware.shutdownNow();
    tts.close();
  }

  private PackagedTool.Result run(PackagedTool.WhileRunning whileRunning, String... args)
      throws Exception {
    return run(Map.of(), whileRunning, args);
  }

  /** @param more the environment of a source other than the TTS one */
  private PackagedTool.Result run(Map<String, String> more,
      PackagedTool.WhileRunning whileRunning, String... args) throws Exception {
    Map<String, String> environment = new HashMap<>(tts.environment());
    environment.putAll(more);
    environment.put("TTNV3_GATEWAY_API_KEY", SOURCE_KEY);
    environment.put("TARGET_GATEWAY_API_KEY", TARGET_KEY);
    environment.put("TARGET_COLLABORATOR", "user:bob");
    environment.put("TARGET_GATEWAY_SERVER_ADDRESS", target.gatewayServerAddress());
    List<String> command = new ArrayList<>(List.of(PackagedTool.LAUNCHER.toString()));
    command.addAll(List.of(args));
    PackagedTool.Result result = PackagedTool.run(command, folder, environment, "",
        whileRunning);
    List<String> secrets = new ArrayList<>(List.of(SOURCE_KEY, TARGET_KEY,
        SampleGateways.BASICS_STATION_LNS_KEY));
    target.gatewayApiKeys(STATION).forEach(key -> secrets.add(key.getKey()));
    for (String secret : secrets) {
      assertFalse(result.stdout().contains(secret) || result.stderr().contains(secret),
          "a key was printed\n" + result);
    }
    return result;
  }

  /** Every packet forwarder registered in the target connects there once it is. */
  private void connectWhenRegistered() {
    hardware.scheduleWithFixedDelay(() -> target.gatewayRequests(
            GatewayRegistryGrpc.getCreateMethod()).stream()
        .map(request -> request.getGateway().getIds().getGatewayId())
        .filter(id -> !id.equals(STATION) && !target.isConnected(id)
            && target.gateway(id).filter(gateway -> !gateway.hasDeletedAt()).isPresent())
        .forEach(id -> target.connect(id, "udp")), 20, 20, TimeUnit.MILLISECONDS);
  }

  /** Migrates both sample gateways, the Basics Station one through its CUPS settings. */
  private void migrate() throws Exception {
    connectWhenRegistered();
    try (SimulatedStation station = SimulatedStation.following(source, target, STATION)) {
      PackagedTool.Result moved = run(process -> { }, "migrate", "gateway", "--source", "ttnv3",
          STATION, UDP, "--takeover", "lns-redirect", "--verify-timeout", "10s");
      assertEquals(0, moved.exitCode(), moved.toString());
    }
    assertEquals(1, target.gatewayApiKeys(STATION).size());
    assertNotEquals(SampleGateways.basicsStation().getGatewayServerAddress(),
        source.gateway(STATION).orElseThrow().getGatewayServerAddress(), "redirected");
  }

  /** A gateway at the source as it reads, but for the time of its last update. */
  private Optional<Gateway> atSource(String gatewayId) {
    return source.gateway(gatewayId).map(gateway -> gateway.toBuilder().clearUpdatedAt()
        .build());
  }

  @Test
  void anUndoKilledHalfWayFinishesWhenRunAgain() throws Exception {
    Map<String, Optional<Gateway>> sourceBefore = Map.of(STATION, atSource(STATION),
        UDP, atSource(UDP));
    Gateway thereBefore = target.gateway(THERE_BEFORE).orElseThrow();
    migrate();

    KillAtCall<GatewayCall> kill =
        new KillAtCall<>(call -> call.is(GatewayRegistryGrpc.getDeleteMethod()));
    target.gatewayFaults(kill::fault);
    PackagedTool.Result killed = run(kill::started, "undo", "--source", "ttnv3", "--state",
        STATE, "--concurrency", "1");
    assertEquals(137, killed.exitCode(), killed.toString());
    target.gatewayFaults(call -> Optional.empty());
    assertTrue(Files.readString(folder.resolve(STATE + ".undo")).contains("deleting"),
        "killed while deleting the first gateway");

    PackagedTool.Result again = run(process -> { }, "undo", "--source", "ttnv3", "--state",
        STATE);

    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("undone 2, left alone 0, failed 0"), again.stderr());
    assertTrue(again.stdout().contains(STATION + ": deleted from the target (" + STATION
        + "), with the LNS key this run created for it; its CUPS settings at the source"
        + " restored"), again.stdout());
    assertTrue(target.isDeleted(STATION) && target.isDeleted(UDP), "deleted from the target");
    assertEquals(List.of(), target.gatewayApiKeys(STATION), "the LNS key the run created");
    assertEquals(thereBefore, target.gateway(THERE_BEFORE).orElseThrow());
    assertEquals(sourceBefore, Map.of(STATION, atSource(STATION), UDP, atSource(UDP)),
        "the source's CUPS settings, secret included, as before the migration");

    PackagedTool.Result nothingLeft = run(process -> { }, "undo", "--source", "ttnv3",
        "--state", STATE);
    assertEquals(0, nothingLeft.exitCode(), nothingLeft.toString());
    assertTrue(nothingLeft.stderr().contains("no gateway of " + STATE + " is left to undo"),
        nothingLeft.stderr());
  }

  @Test
  void aDryRunListsWhatUndoWouldDoAndChangesNothing() throws Exception {
    migrate();
    Gateway registered = target.gateway(STATION).orElseThrow();
    Optional<Gateway> redirected = atSource(STATION);
    int sourceUpdates = source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod()).size();

    PackagedTool.Result dry = run(process -> { }, "ttnv3", "undo", "--state", STATE,
        "--dry-run", STATION);

    assertEquals(0, dry.exitCode(), dry.toString());
    assertEquals(STATION + ": would be deleted from the target (" + STATION + "), with the LNS"
        + " key this run created for it; its CUPS settings at the source would be restored\n",
        dry.stdout());
    assertTrue(dry.stderr().contains("would undo 1, left alone 0"), dry.stderr());
    assertEquals(List.of(), target.gatewayRequests(GatewayRegistryGrpc.getDeleteMethod()));
    assertEquals(List.of(), target.gatewayRequests(GatewayAccessGrpc.getDeleteAPIKeyMethod()));
    assertEquals(sourceUpdates,
        source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod()).size());
    assertEquals(registered, target.gateway(STATION).orElseThrow());
    assertEquals(redirected, atSource(STATION));
    assertFalse(Files.exists(folder.resolve(STATE + ".undo")), "a dry run records nothing");
  }

  @Test
  void aGatewayChangedInTheTargetIsLeftAloneAtBothEnds() throws Exception {
    migrate();
    target.changeGateway(STATION, gateway -> gateway.toBuilder()
        .setDescription("renamed by hand").build());
    Optional<Gateway> redirected = atSource(STATION);

    PackagedTool.Result undo = run(process -> { }, "undo", "--source", "ttnv3", "--state",
        STATE, STATION);

    assertEquals(3, undo.exitCode(), undo.toString());
    assertTrue(undo.stderr().contains("these gateways were left alone:"), undo.stderr());
    assertTrue(undo.stdout().contains(STATION + ": changed in the target (" + STATION
        + ") since this run registered it, in description"), undo.stdout());
    assertFalse(target.isDeleted(STATION));
    assertEquals(redirected, atSource(STATION));
  }

  @Test
  void chirpStackGatewaysLeaveTheTargetAndOneDeletedAtTheSourceIsLeftThere() throws Exception {
    try (ChirpStackSimulator chirpstack = ChirpStackSimulator.builder()
        .adminKey(CHIRPSTACK_KEY).tls(true).start()) {
      SampleChirpStack.seedGateways(chirpstack);
      Map<String, String> environment = Map.of("CHIRPSTACK_API_URL", chirpstack.address(),
          "CHIRPSTACK_API_KEY", CHIRPSTACK_KEY,
          "CHIRPSTACK_CA_FILE", chirpstack.caFile().toString(),
          "CHIRPSTACK_FREQUENCY_PLAN_ID", "EU_863_870");
      String rooftop = SampleChirpStack.ROOFTOP_GATEWAY;
      String deleted = SampleChirpStack.TAGGED_GATEWAY;
      var rooftopBefore = chirpstack.gateway(rooftop).orElseThrow();
      Gateway thereBefore = target.gateway(THERE_BEFORE).orElseThrow();
      connectWhenRegistered();
      PackagedTool.Result moved = run(environment, process -> { }, "chirpstack", "migrate",
          "gateway", rooftop, "--verify-timeout", "10s");
      assertEquals(0, moved.exitCode(), moved.toString());
      PackagedTool.Result movedAndDeleted = run(environment, process -> { }, "chirpstack",
          "migrate", "gateway", deleted, "--verify-timeout", "10s", "--delete-source-gateway",
          "--state", "deleted.state");
      assertEquals(0, movedAndDeleted.exitCode(), movedAndDeleted.toString());
      List<String> registered = target.gatewayRequests(GatewayRegistryGrpc.getCreateMethod())
          .stream().map(request -> request.getGateway().getIds().getGatewayId()).toList();
      assertEquals(2, registered.size(), registered.toString());

      PackagedTool.Result undone = run(environment, process -> { }, "chirpstack", "undo",
          "--state", STATE);

      assertEquals(0, undone.exitCode(), undone.toString());
      assertTrue(undone.stdout().contains("; the run changed nothing of it at the source"
          + " (chirpstack): if the gateway itself was pointed at the target, point it back"),
          undone.stdout());
      assertTrue(target.isDeleted(registered.get(0)), "deleted from the target");
      assertEquals(rooftopBefore, chirpstack.gateway(rooftop).orElseThrow());
      assertEquals(thereBefore, target.gateway(THERE_BEFORE).orElseThrow());

      PackagedTool.Result left = run(environment, process -> { }, "undo", "--source",
          "chirpstack", "--state", "deleted.state");

      assertEquals(3, left.exitCode(), left.toString());
      assertTrue(left.stdout().contains("it was deleted at the source (chirpstack), and undo"
          + " cannot register a gateway there again: register it at the source by hand"),
          left.stdout());
      assertFalse(target.isDeleted(registered.get(1)), "left in the target: served by it");
      assertTrue(chirpstack.gateway(deleted).isEmpty());
    }
  }
}
