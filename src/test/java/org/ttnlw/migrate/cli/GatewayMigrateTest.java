package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.UpdateGatewayRequest;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.SimulatedStation;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.GatewayFields;

/**
 * Gateways from a TTS source into a TTS target through the CLI: export, import-gateways and
 * migrate gateway with each takeover mode, against two simulators over TLS.
 */
class GatewayMigrateTest {
  private static final String SOURCE_KEY = "NNSXS.SOURCE-GATEWAY-KEY-DO-NOT-LOG";
  private static final String TARGET_KEY = "NNSXS.TARGET-GATEWAY-KEY-DO-NOT-LOG";
  private static final String UDP = SampleGateways.udp().getIds().getGatewayId();
  private static final String STATION = SampleGateways.basicsStation().getIds().getGatewayId();
  private static final String HILL = SampleGateways.twoAntennas().getIds().getGatewayId();
  private static final String OFFICE =
      SampleGateways.withAttributesAndClaimCode().getIds().getGatewayId();

  @TempDir
  Path folder;
  private TwoDeployments deployments;
  private TtsSimulator source;
  private TtsSimulator target;
  private int runs;
  private final ScheduledExecutorService hardware = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() throws IOException {
    deployments = new TwoDeployments(0);
    source = deployments.source;
    target = deployments.target;
    deployments.seedGateways(SOURCE_KEY, TARGET_KEY);
  }

  @AfterEach
  void stop() {
    hardware.shutdownNow();
    deployments.close();
  }

  private Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(deployments.environment());
    environment.put("TTNV3_GATEWAY_API_KEY", SOURCE_KEY);
    environment.put("TARGET_GATEWAY_API_KEY", TARGET_KEY);
    environment.put("TARGET_COLLABORATOR", "user:bob");
    environment.put("TARGET_GATEWAY_SERVER_ADDRESS", target.gatewayServerAddress());
    return environment;
  }

  /** Runs the command, with a state file of its own unless it names one. */
  private CliRun.Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--state") && !all.contains("--dry-run")) {
      all.addAll(List.of("--state", folder.resolve("run-" + ++runs + ".state").toString()));
    }
    CliRun.Result result = CliRun.run(environment(), "", all.toArray(String[]::new));
    for (String secret : List.of(SOURCE_KEY, TARGET_KEY, SampleGateways.BASICS_STATION_LNS_KEY)) {
      assertFalse(result.stdout().contains(secret) || result.stderr().contains(secret),
          "a key was printed\n" + result);
    }
    return result;
  }

  private static List<Gateway> gateways(String stdout) {
    return stdout.lines().filter(line -> !line.isBlank())
        .map(line -> (Gateway) TtsJson.instance().merge(line, Gateway.newBuilder()).build())
        .toList();
  }

  /** Connects the gateway to the target as soon as it is registered there, as hardware would. */
  private void connectWhenRegistered(String gatewayId) {
    hardware.scheduleWithFixedDelay(() -> {
      if (target.gateway(gatewayId).isPresent() && !target.isConnected(gatewayId)) {
        target.connect(gatewayId, "udp");
      }
    }, 20, 20, TimeUnit.MILLISECONDS);
  }

  private long creates() {
    return target.gatewayRequests(GatewayRegistryGrpc.getCreateMethod()).size();
  }

  @Test
  void exportCarriesWhatMovesAndNothingElse() {
    CliRun.Result result = run("gateway", "--source", "ttnv3", UDP, OFFICE, HILL);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<Gateway> exported = gateways(result.stdout());
    assertEquals(List.of(UDP, OFFICE, HILL),
        exported.stream().map(g -> g.getIds().getGatewayId()).toList());
    GatewayFields fields = GatewayFields.bundled();
    Gateway hill = exported.get(2);
    assertEquals(fields.exported(SampleGateways.twoAntennas(), false), hill);
    assertEquals(2, hill.getAntennasCount());
    for (Gateway gateway : exported) {
      assertFalse(gateway.hasLbsLnsSecret() || gateway.hasClaimAuthenticationCode()
          || gateway.hasAdministrativeContact() || gateway.hasCreatedAt()
          || !gateway.getGatewayServerAddress().isEmpty() || !gateway.getFrequencyPlanId().isEmpty(),
          gateway.toString());
    }
    assertEquals(List.of(), source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod()));
  }

  @Test
  void theClaimCodeMovesOnlyWithSecretsAndBothFormsAgree() {
    CliRun.Result without = run("ttnv3", "gateway", OFFICE);
    CliRun.Result with = run("ttnv3", "gateway", OFFICE, "--with-secrets");

    assertEquals(ExitCodes.OK, with.exitCode(), with.toString());
    assertFalse(gateways(without.stdout()).get(0).hasClaimAuthenticationCode());
    assertEquals(SampleGateways.withAttributesAndClaimCode().getClaimAuthenticationCode(),
        gateways(with.stdout()).get(0).getClaimAuthenticationCode());
    assertEquals(gateways(without.stdout()),
        gateways(run("gateway", "--source", "ttnv3", OFFICE).stdout()));
  }

  @Test
  void allListsEveryGatewayOfTheKey() {
    CliRun.Result result = run("ttnv3", "gateway", "--all");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(Set.of(UDP, STATION, HILL, OFFICE), Set.copyOf(gateways(result.stdout())
        .stream().map(g -> g.getIds().getGatewayId()).toList()));
  }

  @Test
  void aKeyWithoutGatewayRightsIsNamed() {
    Map<String, String> environment = environment();
    environment.remove("TTNV3_GATEWAY_API_KEY");
    CliRun.Result result = CliRun.run(environment, "", "gateway", "--source", "ttnv3", UDP);

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("--ttnv3.gateway-api-key"), result.stderr());
  }

  @Test
  void migrateRegistersVerifiesAndWaitsForTheConnection() {
    connectWhenRegistered(UDP);

    CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP,
        "--verify-timeout", "5s", "--state", folder.resolve("gw.state").toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    Gateway created = target.gateway(UDP).orElseThrow();
    GatewayFields fields = GatewayFields.bundled();
    for (String path : fields.copied(false)) {
      var field = Gateway.getDescriptor().findFieldByName(path);
      assertEquals(SampleGateways.udp().getField(field), created.getField(field), path);
    }
    assertEquals(target.gatewayServerAddress(), created.getGatewayServerAddress());
    assertEquals("bob", created.getAdministrativeContact().getUserIds().getUserId());
    assertTrue(result.stderr().contains("migrated 1 (created 1), handed over 1"), result.stderr());
    assertTrue(result.stderr().contains("point its packet forwarder (UDP) at"), result.stderr());
    assertTrue(source.gateway(UDP).isPresent() && !source.isDeleted(UDP));
  }

  @Test
  void aSecondRunChangesNothing() {
    connectWhenRegistered(UDP);
    run("migrate", "gateway", "--source", "ttnv3", UDP, "--verify-timeout", "5s");
    long created = creates();

    CliRun.Result again = run("migrate", "gateway", "--source", "ttnv3", UDP,
        "--verify-timeout", "5s", "--state", folder.resolve("fresh.state").toString());

    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertEquals(created, creates());
    assertTrue(again.stderr().contains("already migrated 1"), again.stderr());
  }

  @Test
  void gatewayMapsInAnyOrderAreEqualAndARealDifferenceShowsBothValues() throws IOException {
    Gateway.Builder mapped = SampleGateways.twoAntennas().toBuilder();
    for (String name : List.of("site", "mast", "owner", "power", "backhaul", "asset-tag")) {
      mapped.putAttributes(name, name + "-value");
    }
    for (int i = 0; i < mapped.getAntennasCount(); i++) {
      mapped.getAntennasBuilder(i).putAttributes("cable", "5m").putAttributes("connector", "N")
          .putAttributes("vendor", "acme").putAttributes("polarisation", "vertical");
    }
    Path file = folder.resolve("gateways.json");
    Files.writeString(file, TtsJson.instance().toJson(mapped) + "\n");

    CliRun.Result created = run("import-gateways", file.toString());
    assertEquals(ExitCodes.OK, created.exitCode(), created.toString());
    for (int i = 0; i < 10; i++) {
      CliRun.Result again = run("import-gateways", file.toString());
      assertTrue(again.stderr().contains("already migrated 1"), "run " + i + "\n" + again);
    }

    Files.writeString(file, TtsJson.instance().toJson(mapped.putAttributes("site", "valley"))
        + "\n");
    CliRun.Result differing = run("import-gateways", file.toString());
    assertTrue(differing.stderr().contains("already in the target and differs in attributes"
        + " (export {\"site\":\"valley\"}, target {\"site\":\"site-value\"})"),
        differing.toString());
  }

  @Test
  void aTakenEuiNamesTheHolderAndCreatesNothing() {
    target.addGateway(SampleGateways.udp().toBuilder()
        .setIds(SampleGateways.udp().getIds().toBuilder().setGatewayId("someone-elses"))
        .clearCreatedAt().clearUpdatedAt().build(), "user:bob");

    CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP,
        "--verify-timeout", "1s");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("registered in the target as gateway someone-elses"),
        result.stderr());
    assertEquals(0, creates());
  }

  @Test
  void aManagedGatewayIsNeverRegisteredByHand() {
    target.declareClaimable("00800000A00016B2", true);

    CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP,
        "--verify-timeout", "1s");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("managed gateway the target can claim"),
        result.stderr());
    assertEquals(0, creates());
  }

  @Test
  void lnsRedirectMovesACupsGatewayWithAFreshTargetKey() throws IOException {
    Path keys = folder.resolve("keys.json");
    try (SimulatedStation station = SimulatedStation.following(source, target, STATION)) {
      CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", STATION,
          "--takeover", "lns-redirect", "--verify-timeout", "5s", "--keys-file",
          keys.toString(), "--state", folder.resolve("gw.state").toString());

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(target.isConnected(STATION));
    }
    List<UpdateGatewayRequest> updates =
        source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod());
    assertEquals(1, updates.size());
    String key = target.gatewayApiKeys(STATION).get(0).getKey();
    assertEquals(ByteString.copyFromUtf8(key),
        source.gateway(STATION).orElseThrow().getLbsLnsSecret().getValue());
    assertEquals(ByteString.copyFromUtf8(key),
        target.gateway(STATION).orElseThrow().getLbsLnsSecret().getValue());
    assertTrue(Files.readString(keys).contains(key));
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(keys));
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(folder.resolve("gw.state")));
  }

  @Test
  void aRedirectedGatewayThatDoesNotConnectGetsItsSourceSettingsBack() {
    Gateway before = source.gateway(STATION).orElseThrow();

    CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", STATION,
        "--takeover", "lns-redirect", "--verify-timeout", "1s",
        "--keys-file", folder.resolve("keys.json").toString(),
        "--state", folder.resolve("gw.state").toString());

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("registered on both, not connected to the target"),
        result.stderr());
    Gateway after = source.gateway(STATION).orElseThrow();
    assertEquals(before.getGatewayServerAddress(), after.getGatewayServerAddress());
    assertEquals(before.getLbsLnsSecret().getValue(), after.getLbsLnsSecret().getValue());
    assertEquals(2, source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod()).size());
    assertTrue(target.gateway(STATION).isPresent(), "left registered in the target");
  }

  @Test
  void deleteAtTheSourceOnlyOnceConnected() {
    connectWhenRegistered(UDP);

    CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP, HILL,
        "--ttnv3.delete-source-gateway", "--verify-timeout", "2s");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(source.isDeleted(UDP), "connected, so deleted at the source");
    assertFalse(source.isDeleted(HILL), "never connected, so kept at the source");
  }

  @Test
  void deletingRedirectedGatewaysIsRefused() {
    CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", STATION,
        "--takeover", "lns-redirect", "--ttnv3.delete-source-gateway");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("cannot be combined"), result.stderr());
    assertEquals(0, creates());
  }

  @Test
  void aTargetKeyThatCannotCreateGatewaysWritesNothingAnywhere() {
    target.addGatewayKey("NNSXS.READER", "user:bob", Set.of(Right.RIGHT_USER_GATEWAYS_LIST,
        Right.RIGHT_GATEWAY_INFO));
    Map<String, String> environment = environment();
    environment.put("TARGET_GATEWAY_API_KEY", "NNSXS.READER");

    CliRun.Result result = CliRun.run(environment, "", "migrate", "gateway", "--source", "ttnv3",
        UDP, "--verify-timeout", "1s", "--state", folder.resolve("reader.state").toString());

    // A key short of a right fails every gateway: the run stops at the first.
    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("USER_GATEWAYS_CREATE"), result.stderr());
    assertTrue(target.gateway(UDP).isEmpty());
    assertEquals(List.of(), source.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod()));
    assertEquals("", result.stdout());
  }

  @Test
  void aDryRunsJournalIsNeverTakenForARealOne() {
    Path state = folder.resolve("dry.state");
    CliRun.Result dry = run("migrate", "gateway", "--source", "ttnv3", UDP, "--dry-run",
        "--state", state.toString());
    assertEquals(ExitCodes.OK, dry.exitCode(), dry.toString());

    CliRun.Result real = run("migrate", "gateway", "--source", "ttnv3", UDP, "--state",
        state.toString(), "--verify-timeout", "1s");

    assertEquals(ExitCodes.USAGE, real.exitCode(), real.toString());
    assertTrue(real.stderr().contains("is the state file of a dry run"), real.stderr());
    assertEquals(0, creates());
  }

  @Test
  void dryRunCreatesNothing() {
    CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP, "--dry-run");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("would be created 1"), result.stderr());
    assertEquals(0, creates());
  }

  @Test
  void aDryRunsPlanHasALinePerGateway() throws IOException {
    target.addGateway(SampleGateways.udp().toBuilder()
        .setIds(SampleGateways.udp().getIds().toBuilder().setGatewayId("someone-elses"))
        .clearCreatedAt().clearUpdatedAt().build(), "user:bob");
    Path plan = folder.resolve("plan.jsonl");

    CliRun.Result result = run("migrate", "gateway", "--source", "ttnv3", UDP, HILL,
        "--ttnv3.delete-source-gateway", "--dry-run", "--plan", plan.toString());

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals(0, creates());
    assertFalse(source.isDeleted(UDP) || source.isDeleted(HILL), "nothing deleted at the source");
    Map<String, JsonNode> lines = new HashMap<>();
    for (String line : Files.readAllLines(plan)) {
      JsonNode node = new ObjectMapper().readTree(line);
      lines.put(node.path("gateway_id").asText(), node);
    }
    assertEquals(Set.of(UDP, HILL), lines.keySet());
    assertEquals("fail", lines.get(UDP).path("target").asText());
    assertEquals("none", lines.get(UDP).path("source").asText());
    assertTrue(lines.get(UDP).path("cause").asText().contains("someone-elses"),
        lines.toString());
    assertEquals("create", lines.get(HILL).path("target").asText());
    assertEquals("delete", lines.get(HILL).path("source").asText());
    assertTrue(lines.get(HILL).path("eui").asText().matches("[0-9A-F]{16}"), lines.toString());
    assertTrue(result.stderr().contains("what would happen to the gateways"), result.stderr());
  }

  @Test
  void importGatewaysFromAnExportWithLnsKeys() throws IOException {
    Path file = folder.resolve("gateways.json");
    Files.writeString(file, run("gateway", "--source", "ttnv3", UDP, HILL).stdout());
    Path keys = folder.resolve("keys.json");

    CliRun.Result result = run("import-gateways", file.toString(), "--create-lns-keys",
        "--keys-file", keys.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(target.gateway(UDP).isPresent() && target.gateway(HILL).isPresent());
    assertEquals(2, Files.readAllLines(keys, StandardCharsets.UTF_8).size());
    assertEquals(1, target.gatewayApiKeys(HILL).size());
    CliRun.Result again = run("import-gateways", file.toString(), "--create-lns-keys",
        "--keys-file", keys.toString());
    assertTrue(again.stderr().contains("already migrated 2"), again.stderr());
    assertEquals(1, target.gatewayApiKeys(HILL).size(), "no second key");
  }

  @Test
  void withGatewaysTheGatewayIsReadyBeforeTheDevicesAndConnectedBeforeTheyStopAtTheSource() {
    source.put(org.ttnlw.migrate.sim.SampleDevices.abp("my-app", "abp-sensor", 7));
    List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();
    target.faults(call -> {
      if (call.method().equals("Create") && target.gateway(UDP).isEmpty()) {
        violations.add("device " + call.deviceId() + " created before the gateway");
      }
      return java.util.Optional.empty();
    });
    source.faults(call -> {
      if (call.method().equals("Set") && !target.isConnected(UDP)) {
        violations.add("device " + call.deviceId() + " stopped before the gateway connected");
      }
      return java.util.Optional.empty();
    });
    connectWhenRegistered(UDP);

    CliRun.Result result = run("migrate", "application", "--source", "ttnv3", "my-app",
        "--with-gateways", UDP, "--verify-timeout", "5s");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(List.of(), violations);
    assertTrue(result.stderr().contains("gateways: migrated 1 (created 1)"), result.stderr());
    assertTrue(result.stderr().contains("gateways: migrated 0, finished 1 exported by an earlier"
        + " run, handed over 1"), result.stderr());
    assertTrue(result.stderr().contains("downlinks disabled 2"), result.stderr());
  }

  @Test
  void withGatewaysAGatewayThatDoesNotConnectNamesTheDevicesThatNeedIt() {
    source.put(org.ttnlw.migrate.sim.SampleDevices.abp("my-app", "abp-sensor", 7));

    CliRun.Result result = run("migrate", "application", "--source", "ttnv3", "my-app",
        "--with-gateways", UDP, "--verify-timeout", "1s");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("registered on both, not connected"), result.stderr());
    assertTrue(result.stderr().contains("their uplinks reach the target only through a gateway"
        + " connected to it: my-app/"), result.stderr());
    assertTrue(result.stderr().contains("my-app/abp-sensor"), result.stderr());
  }

  @Test
  void aSourceKeyThatCannotReadSecretsIsNamedAndNoKeyIsMadeForWhatItCannotSee() {
    source.addGatewayKey("NNSXS.NO-SECRETS", "user:alice", Set.of(
        Right.RIGHT_USER_GATEWAYS_LIST, Right.RIGHT_GATEWAY_INFO));
    Map<String, String> environment = environment();
    environment.put("TTNV3_GATEWAY_API_KEY", "NNSXS.NO-SECRETS");
    connectWhenRegistered(STATION);

    CliRun.Result result = CliRun.run(environment, "", "migrate", "gateway", "--source", "ttnv3",
        STATION, "--verify-timeout", "5s", "--state", folder.resolve("s.state").toString(),
        "--keys-file", folder.resolve("keys.json").toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("1 gateway(s) were read without the right to read"
        + " secrets"), result.stderr());
    assertEquals(List.of(), target.gatewayApiKeys(STATION));
  }

  @Test
  void importDropsWhatNeverMovesFromAFileOfAnotherTool() throws IOException {
    Path file = folder.resolve("cli.json");
    Files.writeString(file, TtsJson.instance().toJson(SampleGateways.basicsStation()) + "\n");

    CliRun.Result result = run("import-gateways", file.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    Gateway created = target.gateway(STATION).orElseThrow();
    assertFalse(created.getLbsLnsSecret().getValue()
        .equals(SampleGateways.basicsStation().getLbsLnsSecret().getValue()));
    assertEquals(target.gatewayServerAddress(), created.getGatewayServerAddress());
    assertEquals("bob", created.getAdministrativeContact().getUserIds().getUserId());
  }
}
