package org.ttnlw.migrate.cli;

import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.SampleSettings;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * A source and a target TTS, each a simulator over TLS with its own API key, and the environment
 * that points the tool at both. The source's application {@code my-app} holds an OTAA device with
 * a session ({@code my-device}), OTAA devices that have not joined, and ABP devices; the target
 * has the empty application {@code new-app}.
 */
public final class TwoDeployments implements AutoCloseable {
  public static final String TARGET_KEY = "NNSXS.TARGET-KEY-DO-NOT-LOG";
  public static final String TARGET_APP = "new-app";

  public final TtsSimulator source;
  public final TtsSimulator target;
  final List<EndDevice> devices;

  /** Two deployments started for one test, for an {@code @AutoClose} field. */
  public static TwoDeployments started(int sampleDevices) {
    try {
      return new TwoDeployments(sampleDevices);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public TwoDeployments(int sampleDevices) throws IOException {
    this(sampleDevices, TtsSimulator.builder());
  }

  /** @param targetSettings the target's settings beyond key and TLS, e.g. paths it refuses */
  public TwoDeployments(int sampleDevices, TtsSimulator.Builder targetSettings)
      throws IOException {
    this(sampleDevices, TtsSimulator.builder(), targetSettings, true);
  }

  /** @param sourceSettings the source's settings beyond key and TLS, e.g. the releases it plays */
  public TwoDeployments(int sampleDevices, TtsSimulator.Builder sourceSettings,
      TtsSimulator.Builder targetSettings) throws IOException {
    this(sampleDevices, sourceSettings, targetSettings, true);
  }

  private TwoDeployments(int sampleDevices, TtsSimulator.Builder sourceSettings,
      TtsSimulator.Builder targetSettings, boolean targetTls) throws IOException {
    source = sourceSettings.apiKey(CliRun.API_KEY).tls(true).start();
    target = targetSettings.apiKey(TARGET_KEY).tls(targetTls).start();
    target.addApplication(TARGET_APP);
    source.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
    devices = SampleDevices.application("my-app", sampleDevices);
    devices.forEach(device -> source.put(device, SampleDevices.servers(device)));
  }

  /** The same with a target that serves plaintext, reached with TARGET_INSECURE. */
  public static TwoDeployments withPlaintextTarget(int sampleDevices) throws IOException {
    return new TwoDeployments(sampleDevices, TtsSimulator.builder(), TtsSimulator.builder(),
        false);
  }

  public Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>(CliRun.environment(source));
    environment.put("TARGET_DEFAULT_GRPC_ADDRESS", target.address());
    environment.put("TARGET_APP_API_KEY", TARGET_KEY);
    if (target.tls()) {
      environment.put("TARGET_CA_FILE", target.caFile().toString());
    } else {
      environment.put("TARGET_INSECURE", "true");
    }
    environment.put("TARGET_APP_ID", TARGET_APP);
    return environment;
  }

  public CliRun.Result run(String... args) {
    CliRun.Result result = CliRun.run(environment(), "", args);
    if (result.stdout().contains(TARGET_KEY) || result.stderr().contains(TARGET_KEY)) {
      throw new AssertionError("the target API key was printed\n" + result);
    }
    return result;
  }

  /**
   * Gateway API keys with every right on both sides, alice's at the source and bob's in the
   * target, and the sample gateways at the source, alice's.
   */
  public void seedGateways(String sourceKey, String targetKey) {
    source.addGatewayKey(sourceKey, "user:alice", Set.of(Right.RIGHT_ALL));
    target.addGatewayKey(targetKey, "user:bob", Set.of(Right.RIGHT_ALL));
    SampleGateways.seed(source, "user:alice");
  }

  /**
   * Runs the tool as a child JVM on both deployments, its output in {@code log}, and kills it
   * ({@code kill -9}) at the first target call {@code killAt} accepts, which then fails; returns
   * once the child is dead.
   */
  public void runKilledAt(Path log, List<String> args, Predicate<CallInfo> killAt)
      throws IOException, InterruptedException {
    ProcessBuilder child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName());
    child.command().addAll(args);
    child.environment().putAll(environment());
    AtomicReference<Process> running = new AtomicReference<>();
    target.faults(call -> {
      if (!killAt.test(call)) {
        return Optional.empty();
      }
      running.get().destroyForcibly();
      return Optional.of(Fault.of(Status.UNAVAILABLE.withDescription("killed")));
    });
    running.set(child.redirectErrorStream(true).redirectOutput(log.toFile()).start());
    if (!running.get().waitFor(120, TimeUnit.SECONDS)) {
      running.get().destroyForcibly();
      throw new AssertionError("the child was never killed; its output is in " + log);
    }
    target.faults(call -> Optional.empty());
  }

  /** The sample settings, put on the source's {@code my-app} and exported to a file in folder. */
  Path exportedSettings(Path folder) {
    SampleSettings.put(source, "my-app");
    Path file = folder.resolve("my-app.settings.json");
    CliRun.Result result = run("application-settings", "--source", "ttnv3", "my-app", "--output",
        file.toString());
    if (result.exitCode() != ExitCodes.OK) {
      throw new AssertionError("the export failed\n" + result);
    }
    return file;
  }

  /** What a server of the target holds of a device of the target application. */
  public EndDevice inTarget(TtsServer server, String deviceId) {
    return target.stored(server, TARGET_APP, deviceId).orElseThrow(
        () -> new AssertionError(deviceId + " is not on the target's " + server.shortName()));
  }

  /** The IDs of the devices of the source's {@code my-app}: my-device, then the samples. */
  public List<String> sourceDeviceIds() {
    List<String> ids = new ArrayList<>(List.of("my-device"));
    devices.forEach(device -> ids.add(device.getIds().getDeviceId()));
    return ids;
  }

  /**
   * Every server's copy of each device of an application, without the time of its last change:
   * what a migration and its undo must leave as it was.
   */
  public static Map<String, Optional<EndDevice>> snapshot(TtsSimulator simulator, String app,
      List<String> ids) {
    Map<String, Optional<EndDevice>> all = new LinkedHashMap<>();
    for (String id : ids) {
      for (TtsServer server : TtsServer.values()) {
        all.put(server.shortName() + " " + id, simulator.stored(server, app, id)
            .map(device -> device.toBuilder().clearUpdatedAt().build()));
      }
    }
    return all;
  }

  /**
   * A {@link #snapshot} without the creation times, which a device re-created at the source gets
   * anew from the registries.
   */
  public static Map<String, Optional<EndDevice>> asCreated(
      Map<String, Optional<EndDevice>> snapshot) {
    Map<String, Optional<EndDevice>> created = new LinkedHashMap<>();
    snapshot.forEach((key, device) -> created.put(key,
        device.map(held -> held.toBuilder().clearCreatedAt().build())));
    return created;
  }

  public boolean anywhereInTarget(String deviceId) {
    for (TtsServer server : TtsServer.values()) {
      if (target.stored(server, TARGET_APP, deviceId).isPresent()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    source.close();
    target.close();
  }
}
