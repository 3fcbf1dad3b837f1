package org.ttnlw.migrate.e2e;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.APIKey;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.Secret;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.SampleSettings;
import org.ttnlw.migrate.sim.SimulatedStation;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.awsiot.AwsSamples;
import org.ttnlw.migrate.sim.awsiot.IotWirelessFake;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.sim.firefly.FireflyFake;
import org.ttnlw.migrate.tts.GatewayFields;

/**
 * A fresh simulator of the source a documented command reads, holding the devices and
 * applications the docs name, and the environment that points the tool at it (as the
 * README's {@code export} lines do). A source added to the docs adds its case here.
 */
final class DocSimulators {
  private static final String TARGET_KEY = "NNSXS.DOC-COMMANDS-TARGET-KEY";
  private static final String TTS_KEY = "NNSXS.DOC-COMMANDS-KEY";
  private static final String GATEWAY_KEY = "NNSXS.DOC-COMMANDS-GATEWAY-KEY";
  private static final String TARGET_GATEWAY_KEY = "NNSXS.DOC-COMMANDS-TARGET-GATEWAY-KEY";
  private static final String MY_LNS_KEY = "NNSXS.DOC-COMMANDS-MY-GATEWAY-LNS-KEY";
  private static final String CHIRPSTACK_KEY = "chirpstack-doc-commands-key";

  private DocSimulators() {}

  /** A simulator started for one command. */
  interface Running extends AutoCloseable {
    Map<String, String> environment();

    /** Texts that must never appear in the tool's output. */
    List<String> secrets();

    /** Puts what the command reads into its folder. */
    default void prepare(Path work) throws IOException {}

    @Override
    void close();
  }

  /** Whether the command moves gateways rather than devices: {@code gateway}, import-gateways. */
  static boolean isGatewayCommand(String command) {
    return command.matches("(?s).*\\s(gateway|gateways|import-gateways)(\\s.*|$)");
  }

  static Running start(String command) throws IOException {
    if (command.contains("awsiot") || command.contains("aws-iot")) {
      return awsIot();
    }
    if (command.contains("chirpstack")) {
      return command.contains(" migrate ") ? withTarget(chirpstack()) : chirpstack();
    }
    if (command.contains("firefly")) {
      return firefly();
    }
    if (command.contains("wanesy")) {
      return wanesy();
    }
    if (command.contains(" csv ") || command.contains("--source csv")) {
      // the sheets are in examples/; a TTS and a target for the commands that export or migrate
      return twoDeployments();
    }
    if (isGatewayCommand(command) || command.contains("--with-gateways")) {
      return gatewayDeployments(command);
    }
    if (command.contains(" migrate ") || command.startsWith("ttn-lw-migrate import")) {
      return twoDeployments();
    }
    if (command.contains("ttnv3") || command.contains("tts ")
        || !command.contains("--source")) {
      return tts();
    }
    throw new AssertionError("no simulator is set up for the documented command `" + command
        + "`: add its source to " + DocSimulators.class.getSimpleName());
  }

  /**
   * The IoT Wireless fake with docs/awsiot.md's devices, reached the way an operator's AWS tools
   * are: the SDK's standard variables, and nothing from the machine's own AWS configuration.
   */
  private static Running awsIot() throws IOException {
    IotWirelessFake fake = new IotWirelessFake()
        .putProfile(AwsSamples.otaaProfile())
        .putProfile(AwsSamples.abpProfile())
        .putDevice(AwsSamples.otaaDevice())
        .putDevice(AwsSamples.abpDevice());
    Path home = Files.createTempDirectory("aws-home");
    return running(Map.of(
        "AWS_ENDPOINT_URL_IOT_WIRELESS", fake.endpoint(),
        "AWS_REGION", IotWirelessFake.REGION,
        "AWS_ACCESS_KEY_ID", IotWirelessFake.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", IotWirelessFake.SECRET_KEY,
        "AWS_CONFIG_FILE", home.resolve("config").toString(),
        "AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString(),
        "AWS_EC2_METADATA_DISABLED", "true"), List.of(IotWirelessFake.SECRET_KEY), () -> {
          fake.close();
          deleteQuietly(home);
        });
  }

  /** Firefly over HTTPS with the sample devices, in application 17 and in the key's listing. */
  private static Running firefly() throws IOException {
    Path ca = Files.createTempFile("firefly-ca", ".pem");
    FireflyFake firefly;
    try {
      firefly = FireflyFake.withTls(ca);
    } catch (Exception e) {
      throw new IOException("cannot start the Firefly fake", e);
    }
    firefly.sampleDevices()
        .listing("17", FireflyFake.OTAA_EUI, FireflyFake.ABP_EUI)
        .listing(null, FireflyFake.OTAA_EUI, FireflyFake.ABP_EUI);
    return running(Map.of(
        "FIREFLY_HOST", firefly.host(),
        "FIREFLY_API_KEY", FireflyFake.API_KEY,
        "FIREFLY_CA_FILE", ca.toString(),
        "FIREFLY_APP_ID", "my-app",
        "FIREFLY_FREQUENCY_PLAN_ID", "EU_863_870_TTN",
        "FIREFLY_MAC_VERSION", "1.0.2b",
        "FIREFLY_JOIN_EUI", "70B3D57ED0000001"), List.of(FireflyFake.API_KEY), () -> {
          firefly.close();
          deleteQuietly(ca);
        });
  }

  /** The WMC sample file with the made-up ABP row of wanesy.md; a CSV holds no credential. */
  private static Running wanesy() throws IOException {
    Path csv = Files.createTempFile("wanesy", ".csv");
    try (InputStream in = DocSimulators.class.getResourceAsStream(
        "/org/ttnlw/migrate/sim/wanesy/two-devices.csv")) {
      Files.write(csv, in.readAllBytes());
    }
    return running(Map.of(
        "WANESY_CSV_PATH", csv.toString(),
        "WANESY_APP_ID", "my-app",
        "WANESY_FREQUENCY_PLAN_ID", "EU_863_870"), List.of(), () -> deleteQuietly(csv));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file
    }
  }

  private static Running running(Map<String, String> environment, List<String> secrets,
      Runnable close) {
    return new Running() {
      @Override
      public Map<String, String> environment() {
        return environment;
      }

      @Override
      public List<String> secrets() {
        return secrets;
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }

  private static Running chirpstack() throws IOException {
    ChirpStackSimulator simulator = ChirpStackSimulator.builder().adminKey(CHIRPSTACK_KEY)
        .tls(true).start();
    SampleChirpStack.seed(simulator);
    SampleChirpStack.putJoinedOtaa(simulator, 0x001c0530);
    SampleChirpStack.putJoinedOtaa(simulator, 0x001c0531);
    SampleChirpStack.putSettings(simulator);
    simulator.putGateway(SampleChirpStack.gateway(0x10, SampleChirpStack.TENANT).build());
    simulator.putGateway(SampleChirpStack.gateway(0x11, SampleChirpStack.TENANT).build());
    return running(Map.of(
        "CHIRPSTACK_API_URL", simulator.address(),
        "CHIRPSTACK_API_KEY", CHIRPSTACK_KEY,
        "CHIRPSTACK_CA_FILE", simulator.caFile().toString()),
        List.of(CHIRPSTACK_KEY, SampleChirpStack.HTTP_HEADER_SECRET), simulator::close);
  }

  /** A source and a target TTS with the empty application new-app, for {@code migrate}. */
  private static Running withTarget(Running source) throws IOException {
    TtsSimulator target = TtsSimulator.builder().apiKey(TARGET_KEY).tls(true).start();
    target.addApplication("new-app");
    Map<String, String> environment = new HashMap<>(source.environment());
    environment.put("TARGET_DEFAULT_GRPC_ADDRESS", target.address());
    environment.put("TARGET_APP_API_KEY", TARGET_KEY);
    environment.put("TARGET_CA_FILE", target.caFile().toString());
    List<String> secrets = new ArrayList<>(source.secrets());
    secrets.add(TARGET_KEY);
    return running(environment, secrets, () -> {
      source.close();
      target.close();
    });
  }

  private static Running tts() throws IOException {
    TtsSimulator simulator = ttsSource();
    return running(ttsEnvironment(simulator), List.of(TTS_KEY), simulator::close);
  }

  /**
   * The TTS the docs' devices are on: my-app with OTAA and ABP devices, among them those of
   * examples/device_ids.txt, which SimulatorMain holds as well.
   */
  private static TtsSimulator ttsSource() throws IOException {
    TtsSimulator simulator = TtsSimulator.builder().apiKey(TTS_KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
    simulator.put(SampleDevices.otaaWithSession("my-app", "dev", 1));
    int index = 2;
    for (String id : List.of("sensor-0001", "sensor-0002", "abp-device", "device-00001",
        "device-00002")) {
      var device = SampleDevices.abp("my-app", id, index++);
      simulator.put(device, SampleDevices.servers(device));
    }
    SampleSettings.put(simulator, "my-app");
    return simulator;
  }

  private static Map<String, String> ttsEnvironment(TtsSimulator simulator) {
    return Map.of(
        "TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address(),
        "TTNV3_APP_ID", "my-app",
        "TTNV3_APP_API_KEY", TTS_KEY,
        "TTNV3_CA_FILE", simulator.caFile().toString());
  }

  /**
   * The docs' TTS and a target TTS with the empty application new-app, for {@code migrate}
   * and {@code import}; the command's folder gets devices.json, two devices to import.
   */
  private static Running twoDeployments() throws IOException {
    TtsSimulator source = ttsSource();
    TtsSimulator target = TtsSimulator.builder().apiKey(TARGET_KEY).tls(true).start();
    target.addApplication("new-app");
    Map<String, String> environment = new HashMap<>(ttsEnvironment(source));
    environment.put("TARGET_DEFAULT_GRPC_ADDRESS", target.address());
    environment.put("TARGET_APP_API_KEY", TARGET_KEY);
    environment.put("TARGET_CA_FILE", target.caFile().toString());
    Running both = running(environment, List.of(TTS_KEY, TARGET_KEY), () -> {
      source.close();
      target.close();
    });
    return new Running() {
      @Override
      public Map<String, String> environment() {
        return both.environment();
      }

      @Override
      public List<String> secrets() {
        return both.secrets();
      }

      @Override
      public void prepare(Path work) throws IOException {
        StringBuilder devices = new StringBuilder();
        for (EndDevice device : SampleDevices.application("other-app", 2)) {
          devices.append(TtsJson.instance().toJson(device)).append('\n');
        }
        Files.writeString(work.resolve("devices.json"), devices);
        Files.writeString(work.resolve("my-app.settings.json"),
            TtsJson.instance().toJson(SampleSettings.document("my-app")) + "\n");
      }

      @Override
      public void close() {
        both.close();
      }
    };
  }

  /**
   * The docs' TTS with gateways (docs/gateways.md's {@code my-gateway}, a CUPS-managed Basics
   * Station, and the sample gateways) and a target TTS where {@code user:alice} registers them;
   * simulated hardware connects each gateway to the target once it is registered there, or
   * follows the CUPS redirect for {@code lns-redirect}. The folder gets gateways.json.
   */
  private static Running gatewayDeployments(String command) throws IOException {
    TtsSimulator source = ttsSource();
    TtsSimulator target = TtsSimulator.builder().apiKey(TARGET_KEY).tls(true).start();
    target.addApplication("new-app");
    source.addGatewayKey(GATEWAY_KEY, "user:alice", Set.of(Right.RIGHT_ALL));
    target.addGatewayKey(TARGET_GATEWAY_KEY, "user:alice", Set.of(Right.RIGHT_ALL));
    SampleGateways.seed(source, "user:alice");
    Gateway mine = SampleGateways.basicsStation().toBuilder()
        .setIds(GatewayIdentifiers.newBuilder().setGatewayId("my-gateway")
            .setEui(ByteString.fromHex("AC1F09FFFE08A1C4")))
        .setLbsLnsSecret(Secret.newBuilder().setValue(ByteString.copyFromUtf8(MY_LNS_KEY)))
        .build();
    source.addGateway(mine, "user:alice");
    source.addGatewayApiKey("my-gateway", APIKey.newBuilder().setKey(MY_LNS_KEY)
        .addRights(Right.RIGHT_GATEWAY_LINK).build());
    AutoCloseable hardware = command.contains("lns-redirect")
        ? SimulatedStation.following(source, target, "my-gateway")
        : connectingWhenRegistered(target);
    Map<String, String> environment = new HashMap<>(ttsEnvironment(source));
    environment.put("TTNV3_GATEWAY_API_KEY", GATEWAY_KEY);
    environment.put("TARGET_DEFAULT_GRPC_ADDRESS", target.address());
    environment.put("TARGET_GATEWAY_API_KEY", TARGET_GATEWAY_KEY);
    environment.put("TARGET_APP_API_KEY", TARGET_KEY);
    environment.put("TARGET_CA_FILE", target.caFile().toString());
    environment.put("TARGET_GATEWAY_SERVER_ADDRESS", target.gatewayServerAddress());
    Running both = running(environment, List.of(TTS_KEY, TARGET_KEY, GATEWAY_KEY,
        TARGET_GATEWAY_KEY,
        MY_LNS_KEY, SampleGateways.BASICS_STATION_LNS_KEY), () -> {
          try {
            hardware.close();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          source.close();
          target.close();
        });
    return new Running() {
      @Override
      public Map<String, String> environment() {
        return both.environment();
      }

      @Override
      public List<String> secrets() {
        return both.secrets();
      }

      @Override
      public void prepare(Path work) throws IOException {
        if (!command.contains("import-gateways")) {
          return;
        }
        StringBuilder gateways = new StringBuilder();
        for (Gateway gateway : SampleGateways.all()) {
          gateways.append(TtsJson.instance().toJson(GatewayFields.bundled()
              .exported(gateway, false))).append('\n');
        }
        Files.writeString(work.resolve("gateways.json"), gateways);
      }

      @Override
      public void close() {
        both.close();
      }
    };
  }

  /** Hardware that connects every gateway registered in the target, as its owner would. */
  private static AutoCloseable connectingWhenRegistered(TtsSimulator target) {
    ScheduledExecutorService hardware = Executors.newSingleThreadScheduledExecutor();
    List<String> ids = List.of("my-gateway", SampleGateways.udp().getIds().getGatewayId(),
        SampleGateways.basicsStation().getIds().getGatewayId(),
        SampleGateways.twoAntennas().getIds().getGatewayId(),
        SampleGateways.withAttributesAndClaimCode().getIds().getGatewayId());
    hardware.scheduleWithFixedDelay(() -> ids.forEach(id -> {
      if (target.gateway(id).isPresent() && !target.isConnected(id)) {
        target.connect(id, "udp");
      }
    }), 20, 20, TimeUnit.MILLISECONDS);
    return hardware::shutdownNow;
  }
}
