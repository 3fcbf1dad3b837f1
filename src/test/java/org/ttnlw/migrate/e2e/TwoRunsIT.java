package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.awsiot.AwsSamples;
import org.ttnlw.migrate.sim.awsiot.IotWirelessFake;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.sim.firefly.FireflyFake;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * The same command started twice at once through {@code bin/ttn-lw-migrate} (a second terminal,
 * a CI retry, a cron overlap), for every source kind, exports and migrations, and gateways. A
 * slow server keeps the first run going while the second starts: the second exits 2 naming the
 * file and its holder and changes nothing; the output holds every device once and no NUL byte,
 * and the source is changed only for devices in the output. Once one of the two has ended the
 * server answers at full speed: its slowness was there only to keep the first run going until
 * then.
 */
class TwoRunsIT {
  private static final String TTS_KEY = "NNSXS.TWO-RUNS-SOURCE-KEY";
  private static final String CHIRPSTACK_KEY = "two-runs-chirpstack-key";
  private static final Duration SLOW = Duration.ofMillis(150);
  private static final Duration VERY_SLOW = Duration.ofMillis(1000);

  @TempDir
  Path folder;

  /** The run that went through and the one refused. */
  private record Both(PackagedTool.Result finished, PackagedTool.Result refused) {}

  /** Starts the command twice; {@code fullSpeed} takes the servers' latency away once one ends. */
  private Both twoAtOnce(Runnable fullSpeed, Map<String, String> environment, String... args)
      throws Exception {
    CompletableFuture<PackagedTool.Result> first = start(environment, args);
    CompletableFuture<PackagedTool.Result> second = start(environment, args);
    CompletableFuture.anyOf(first, second).exceptionally(failure -> null).join();
    fullSpeed.run();
    List<PackagedTool.Result> results = List.of(first.get(), second.get());
    List<PackagedTool.Result> refused = results.stream().filter(r -> r.exitCode() == 2).toList();
    assertEquals(1, refused.size(), "one of two runs refused\n" + results);
    PackagedTool.Result finished = results.stream().filter(r -> r.exitCode() != 2).findFirst()
        .orElseThrow();
    assertEquals(0, finished.exitCode(), finished.toString());
    String message = refused.get(0).stderr();
    assertTrue(message.matches("(?s).* is in use by another run \\(process \\d+ on host .+,"
        + " started \\d{4}-.*\\); nothing was changed.*"), refused.get(0).toString());
    assertEquals(1, message.lines().filter(line -> line.startsWith("ttn-lw-migrate:")).count(),
        "one line, said at once: " + message);
    assertEquals("", refused.get(0).stdout());
    return new Both(finished, refused.get(0));
  }

  private CompletableFuture<PackagedTool.Result> start(Map<String, String> environment,
      String... args) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return PackagedTool.launcher(folder, environment, "", args);
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, Executors.newSingleThreadExecutor());
  }

  /** The device IDs in the output file, each exactly once, with no NUL byte anywhere. */
  private List<String> outputIds(String name) throws IOException {
    byte[] bytes = Files.readAllBytes(folder.resolve(name));
    for (byte b : bytes) {
      assertTrue(b != 0, name + " holds a NUL byte");
    }
    List<String> ids = PackagedTool.devicesIn(new String(bytes, StandardCharsets.UTF_8), name)
        .stream().map(device -> device.getIds().getDeviceId()).toList();
    assertEquals(ids.size(), new HashSet<>(ids).size(), "a device twice in " + name + ": " + ids);
    return ids;
  }

  private static Map<String, String> ttsSource(TtsSimulator simulator) {
    return Map.of(
        "TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address(),
        "TTNV3_APP_ID", "my-app",
        "TTNV3_APP_API_KEY", TTS_KEY,
        "TTNV3_CA_FILE", simulator.caFile().toString());
  }

  private static Set<String> deletedFrom(TtsSimulator source, List<EndDevice> devices) {
    return devices.stream().map(d -> d.getIds().getDeviceId())
        .filter(id -> source.stored(TtsServer.IDENTITY_SERVER, "my-app", id).isEmpty())
        .collect(Collectors.toSet());
  }

  @Test
  void ttnv3ExportWithDeletes() throws Exception {
    List<EndDevice> devices = SampleDevices.application("my-app", 24);
    try (TtsSimulator source = TtsSimulator.builder().apiKey(TTS_KEY).tls(true).latency(SLOW)
        .start()) {
      devices.forEach(device -> source.put(device, SampleDevices.servers(device)));

      Both both = twoAtOnce(() -> source.latency(Duration.ZERO), ttsSource(source),
          "application", "--source", "ttnv3", "my-app", "--output", "devices.json",
          "--ttnv3.delete-source-device", "--concurrency", "2");

      assertTrue(both.refused().stderr().contains(folder.resolve("devices.json") + " is in use")
          || both.refused().stderr().contains("devices.json is in use"), both.refused().stderr());
      List<String> output = outputIds("devices.json");
      assertEquals(devices.stream().map(d -> d.getIds().getDeviceId()).toList(), output);
      assertEquals(Set.copyOf(output), deletedFrom(source, devices));
      assertTrue(both.finished().stderr().contains("exported 24"), both.finished().stderr());
    }
  }

  @Test
  void ttnv3MigrationWithDeletes() throws Exception {
    try (TwoDeployments tts = new TwoDeployments(12, TtsSimulator.builder().latency(SLOW))) {
      Map<String, String> environment = tts.environment();

      twoAtOnce(() -> tts.target.latency(Duration.ZERO), environment, "migrate", "application",
          "--source", "ttnv3", "my-app", "--output", "devices.json",
          "--ttnv3.delete-source-device");

      List<String> output = outputIds("devices.json");
      assertEquals(13, output.size(), output.toString());
      for (String id : output) {
        assertTrue(tts.anywhereInTarget(id), id);
        assertTrue(tts.source.stored(TtsServer.IDENTITY_SERVER, "my-app", id).isEmpty(), id);
      }
    }
  }

  @Test
  void gatewayMigrationsShareTheDefaultStateFile() throws Exception {
    ScheduledExecutorService hardware = Executors.newSingleThreadScheduledExecutor();
    try (TwoDeployments tts = new TwoDeployments(0, TtsSimulator.builder().latency(SLOW))) {
      String sourceKey = "NNSXS.TWO-RUNS-SOURCE-GATEWAY-KEY";
      String targetKey = "NNSXS.TWO-RUNS-TARGET-GATEWAY-KEY";
      tts.source.addGatewayKey(sourceKey, "user:alice", Set.of(Right.RIGHT_ALL));
      tts.target.addGatewayKey(targetKey, "user:bob", Set.of(Right.RIGHT_ALL));
      SampleGateways.seed(tts.source, "user:alice");
      List<String> ids = List.of(SampleGateways.udp().getIds().getGatewayId(),
          SampleGateways.basicsStation().getIds().getGatewayId());
      hardware.scheduleWithFixedDelay(() -> ids.forEach(id -> {
        if (tts.target.gateway(id).isPresent() && !tts.target.isConnected(id)) {
          tts.target.connect(id, "udp");
        }
      }), 20, 20, TimeUnit.MILLISECONDS);
      Map<String, String> environment = new HashMap<>(tts.environment());
      environment.put("TTNV3_GATEWAY_API_KEY", sourceKey);
      environment.put("TARGET_GATEWAY_API_KEY", targetKey);
      environment.put("TARGET_COLLABORATOR", "user:bob");
      environment.put("TARGET_GATEWAY_SERVER_ADDRESS", tts.target.gatewayServerAddress());

      Both both = twoAtOnce(() -> tts.target.latency(Duration.ZERO), environment, "migrate",
          "gateway", "--source", "ttnv3", ids.get(0), ids.get(1), "--verify-timeout", "20s");

      // The keys file is held from when the target opens, the journal once the pre-flight is
      // through: the second run meets whichever the first took, and changes nothing.
      assertTrue(both.refused().stderr().contains("ttn-lw-migrate-gateways.state is in use")
          || both.refused().stderr().contains("gateway-keys.json is in use"),
          both.refused().stderr());
      for (String id : ids) {
        assertTrue(tts.target.gateway(id).isPresent(), id);
      }
      assertEquals(1, tts.target.gatewayApiKeys(ids.get(1)).size(), "one LNS key");
      List<String> keyLines = Files.readAllLines(folder.resolve("gateway-keys.json"));
      assertEquals(1, keyLines.size(), keyLines.toString());
      assertEquals(ids.get(1), new ObjectMapper().readTree(keyLines.get(0)).path("gateway_id")
          .asText());
    } finally {
      hardware.shutdownNow();
    }
  }

  @Test
  void chirpStackExportWithDeletes() throws Exception {
    try (ChirpStackSimulator chirpstack = ChirpStackSimulator.builder()
        .adminKey(CHIRPSTACK_KEY).tls(true).latency(SLOW).start()) {
      SampleChirpStack.seed(chirpstack);
      List<String> euis = new ArrayList<>();
      for (int index = 0; index < 8; index++) {
        SampleChirpStack.putJoinedOtaa(chirpstack, 0x001c0530 + index);
        euis.add(SampleChirpStack.devEui(0x001c0530 + index));
      }

      twoAtOnce(() -> chirpstack.latency(Duration.ZERO),
          Map.of("CHIRPSTACK_API_URL", chirpstack.address(),
          "CHIRPSTACK_API_KEY", CHIRPSTACK_KEY,
          "CHIRPSTACK_CA_FILE", chirpstack.caFile().toString()),
          "application", "--source", "chirpstack", SampleChirpStack.APPLICATION,
          "--output", "devices.json", "--chirpstack.delete-source-device", "--concurrency", "1");

      List<String> output = outputIds("devices.json");
      assertEquals(euis.size(), output.size(), output.toString());
      for (String eui : euis) {
        assertTrue(chirpstack.device(eui).isEmpty(), eui + " deleted once exported");
      }
    }
  }

  @Test
  void fireflyExportInvalidatingKeys() throws Exception {
    Path ca = folder.resolve("firefly-ca.pem");
    FireflyFake firefly = FireflyFake.withTls(ca);
    try {
      firefly.sampleDevices().listing("17", FireflyFake.OTAA_EUI, FireflyFake.ABP_EUI)
          .latency(VERY_SLOW);

      twoAtOnce(() -> firefly.latency(Duration.ZERO),
          Map.of("FIREFLY_HOST", firefly.host(), "FIREFLY_API_KEY", FireflyFake.API_KEY,
          "FIREFLY_CA_FILE", ca.toString(), "FIREFLY_APP_ID", "my-app",
          "FIREFLY_FREQUENCY_PLAN_ID", "EU_863_870_TTN", "FIREFLY_MAC_VERSION", "1.0.2b",
          "FIREFLY_JOIN_EUI", "70B3D57ED0000001"),
          "application", "--source", "firefly", "17", "--output", "devices.json",
          "--firefly.invalidate-keys", "--concurrency", "1");

      assertEquals(2, outputIds("devices.json").size());
      for (String eui : List.of(FireflyFake.OTAA_EUI, FireflyFake.ABP_EUI)) {
        assertEquals(1, firefly.putsTo(eui).size(), eui + ": keys invalidated once");
      }
    } finally {
      firefly.close();
    }
  }

  @Test
  void awsIotExportWithDeletes() throws Exception {
    Path home = Files.createDirectory(folder.resolve("aws-home"));
    try (IotWirelessFake fake = new IotWirelessFake().putProfile(AwsSamples.otaaProfile())
        .putProfile(AwsSamples.abpProfile()).putDevice(AwsSamples.otaaDevice())
        .putDevice(AwsSamples.abpDevice()).latency(VERY_SLOW)) {

      twoAtOnce(() -> fake.latency(Duration.ZERO),
          Map.of("AWS_ENDPOINT_URL_IOT_WIRELESS", fake.endpoint(),
          "AWS_REGION", IotWirelessFake.REGION,
          "AWS_ACCESS_KEY_ID", IotWirelessFake.ACCESS_KEY,
          "AWS_SECRET_ACCESS_KEY", IotWirelessFake.SECRET_KEY,
          "AWS_CONFIG_FILE", home.resolve("config").toString(),
          "AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString(),
          "AWS_EC2_METADATA_DISABLED", "true"),
          "application", "--source", "awsiot", AwsSamples.DESTINATION, "--awsiot.app-id",
          "my-app", "--awsiot.frequency-plan-id", "US_902_928_FSB_2", "--output", "devices.json",
          "--awsiot.delete-source-device", "--concurrency", "1");

      assertEquals(2, outputIds("devices.json").size());
      assertEquals(Set.of(AwsSamples.OTAA_ID, AwsSamples.ABP_ID), Set.copyOf(fake.deleted()));
      assertEquals(2, fake.deleted().size(), "each deleted once");
    }
  }

  @Test
  void wanesyMigration() throws Exception {
    Path csv = folder.resolve("wanesy.csv");
    try (InputStream in = TwoRunsIT.class.getResourceAsStream(
        "/org/ttnlw/migrate/sim/wanesy/two-devices.csv")) {
      Files.write(csv, in.readAllBytes());
    }
    try (TwoDeployments tts = new TwoDeployments(0, TtsSimulator.builder().latency(
        VERY_SLOW))) {
      Map<String, String> environment = new HashMap<>(tts.environment());
      environment.put("WANESY_CSV_PATH", csv.toString());
      environment.put("WANESY_APP_ID", "my-app");
      environment.put("WANESY_FREQUENCY_PLAN_ID", "EU_863_870");

      twoAtOnce(() -> tts.target.latency(Duration.ZERO), environment, "migrate", "application",
          "--source", "wanesy", "--wanesy.all", "--output", "devices.json", "--concurrency", "1");

      List<String> output = outputIds("devices.json");
      assertEquals(2, output.size(), output.toString());
      output.forEach(id -> assertTrue(tts.anywhereInTarget(id), id));
      assertFalse(Files.readString(csv).isEmpty(), "the CSV is only read");
    }
  }
}
