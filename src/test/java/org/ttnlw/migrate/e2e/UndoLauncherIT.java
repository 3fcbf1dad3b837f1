package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.source.chirpstack.ChirpStackExportTest;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * {@code migrate} then {@code undo} through {@code bin/ttn-lw-migrate}: both deployments read
 * back as they were before the migration, also when the undo is killed half-way and run again.
 */
class UndoLauncherIT {
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(3);
  private Path state;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    state = folder.resolve("migrated.json.state");
    EndDevice before = SampleDevices.abp(TwoDeployments.TARGET_APP, "there-before", 40);
    tts.target.put(before, SampleDevices.servers(before));
  }

  private PackagedTool.Result run(PackagedTool.WhileRunning whileRunning, String... args)
      throws Exception {
    return run(tts.environment(), whileRunning, args);
  }

  private PackagedTool.Result run(Map<String, String> environment,
      PackagedTool.WhileRunning whileRunning, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(PackagedTool.LAUNCHER.toString()));
    command.addAll(List.of(args));
    PackagedTool.Result result = PackagedTool.run(command, folder, environment, "",
        whileRunning);
    assertFalse(result.stdout().contains(TwoDeployments.TARGET_KEY)
        || result.stderr().contains(TwoDeployments.TARGET_KEY), result.toString());
    return result;
  }

  private Map<String, Optional<EndDevice>> source() {
    return TwoDeployments.snapshot(tts.source, "my-app", tts.sourceDeviceIds());
  }

  private Map<String, Optional<EndDevice>> target() {
    List<String> ids = new ArrayList<>(tts.sourceDeviceIds());
    ids.add("there-before");
    return TwoDeployments.snapshot(tts.target, TwoDeployments.TARGET_APP, ids);
  }

  @Test
  void anUndoKilledHalfWayFinishesWhenRunAgain() throws Exception {
    Map<String, Optional<EndDevice>> source = source();
    Map<String, Optional<EndDevice>> target = target();
    assertEquals(0, run(process -> { }, "migrate", "application", "--source", "ttnv3", "my-app",
        "--output", "migrated.json").exitCode());
    assertTrue(tts.anywhereInTarget("device-00002"));

    KillAtCall<CallInfo> kill = new KillAtCall<>(call -> call.server() == TtsServer.NETWORK_SERVER
        && call.method().equals("Delete") && call.deviceId().equals("device-00002"));
    tts.target.faults(kill::fault);
    PackagedTool.Result killed = run(kill::started, "undo", "--source", "ttnv3", "--output",
        "migrated.json", "--concurrency", "1");
    assertEquals(137, killed.exitCode(), killed.toString());
    tts.target.faults(call -> Optional.empty());
    assertTrue(tts.target.stored(TtsServer.IDENTITY_SERVER, TwoDeployments.TARGET_APP,
        "device-00002").isPresent(), "killed half-way through deleting it: still on the IS");

    PackagedTool.Result again = run(process -> { }, "undo", "--source", "ttnv3", "--state",
        state.toString());

    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("undone"), again.stderr());
    assertFalse(again.stdout().contains("device-00001"), "undone by the killed run:\n"
        + again.stdout());
    assertEquals(target, target(), "the target as before the migration");
    assertEquals(source, source(), "the source as before the migration");
  }

  @Test
  void aDryRunListsWhatUndoWouldDo() throws Exception {
    assertEquals(0, run(process -> { }, "migrate", "application", "--source", "ttnv3", "my-app",
        "--state", state.toString()).exitCode());
    Map<String, Optional<EndDevice>> migrated = target();
    tts.target.clearCalls();

    PackagedTool.Result dry = run(process -> { }, "undo", "--source", "ttnv3", "--state",
        state.toString(), "--dry-run");

    assertEquals(0, dry.exitCode(), dry.toString());
    assertEquals(4, dry.stdout().lines().filter(line -> line.contains("would be deleted from the"
        + " target") && line.endsWith("would be restored at the source")).count(), dry.stdout());
    assertEquals(List.of(), tts.target.writes());
    assertEquals(migrated, target());
  }

  @Test
  void devicesDeletedAtTheSourceAreReCreatedThereFromTheJournal() throws Exception {
    Map<String, Optional<EndDevice>> source = TwoDeployments.asCreated(source());
    Map<String, Optional<EndDevice>> target = target();
    assertEquals(0, run(process -> { }, "migrate", "application", "--source", "ttnv3", "my-app",
        "--state", state.toString(), "--ttnv3.delete-source-device").exitCode());
    assertFalse(tts.source.stored(TtsServer.IDENTITY_SERVER, "my-app", "my-device").isPresent());

    PackagedTool.Result undone = run(process -> { }, "undo", "--source", "ttnv3", "--state",
        state.toString());

    assertEquals(0, undone.exitCode(), undone.toString());
    assertEquals(4, undone.stdout().lines().filter(line -> line.endsWith("re-created at the"
        + " source from the journal's copy, and read back")).count(), undone.stdout());
    assertEquals(target, target(), "the target as before the migration");
    assertEquals(source, TwoDeployments.asCreated(source()),
        "the source as before the migration: keys, session, MAC state");
  }

  @Test
  void withoutAKeptCopyUndoSaysWhatToDoAndChangesNothing() throws Exception {
    assertEquals(0, run(process -> { }, "migrate", "application", "--source", "ttnv3", "my-app",
        "--state", state.toString(), "--ttnv3.delete-source-device").exitCode());
    Files.write(state, Files.readAllLines(state).stream()
        .filter(line -> !line.contains("\tsource-before\t")).toList());
    Map<String, Optional<EndDevice>> source = source();
    Map<String, Optional<EndDevice>> migrated = target();

    PackagedTool.Result undone = run(process -> { }, "undo", "--source", "ttnv3", "--state",
        state.toString());

    assertEquals(3, undone.exitCode(), undone.toString());
    assertTrue(undone.stderr().contains("undone 0, left alone 4, failed 0"), undone.stderr());
    assertTrue(undone.stderr().contains("my-app/my-device: it was deleted at the source, and"
        + " this run kept no copy to re-create it from"), undone.stderr());
    assertEquals(migrated, target(), "served by the target still");
    assertEquals(source, source());
  }

  @Test
  void chirpStackDevicesDeletedByTheMigrationAreReCreatedThere() throws Exception {
    try (ChirpStackSimulator chirpstack = ChirpStackSimulator.builder().adminKey(CliRun.API_KEY)
        .tls(true).start()) {
      SampleChirpStack.seed(chirpstack);
      SampleChirpStack.putJoinedOtaa(chirpstack, 1);
      String devEui = SampleChirpStack.devEui(1);
      List<Object> before = List.of(chirpstack.device(devEui), chirpstack.keys(devEui),
          chirpstack.activation(devEui));
      Map<String, Optional<EndDevice>> target = target();
      Map<String, String> environment = new HashMap<>(tts.environment());
      environment.putAll(ChirpStackExportTest.environment(chirpstack));
      assertEquals(0, run(environment, process -> { }, "migrate", "device", "--source",
          "chirpstack", devEui, "--state", state.toString(),
          "--chirpstack.delete-source-device").exitCode());
      assertTrue(chirpstack.device(devEui).isEmpty(), "deleted at the source");

      PackagedTool.Result undone = run(environment, process -> { }, "undo", "--source",
          "chirpstack", "--state", state.toString());

      assertEquals(0, undone.exitCode(), undone.toString());
      assertEquals(before, List.of(chirpstack.device(devEui), chirpstack.keys(devEui),
          chirpstack.activation(devEui)), "device, root keys and activation as they were");
      assertEquals(target, target(), "the target as before the migration");
    }
  }
}
