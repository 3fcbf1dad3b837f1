package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/** {@code undo} of a TTS to TTS migration, in-process: the finer cases. */
class UndoTest {
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(5);
  private Path state;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    state = folder.resolve("migrated.state");
  }

  private CliRun.Result migrate(String... more) {
    List<String> args = new ArrayList<>(List.of("migrate", "application", "--source",
        "ttnv3", "my-app", "--state", state.toString()));
    args.addAll(List.of(more));
    return tts.run(args.toArray(String[]::new));
  }

  private CliRun.Result undo(String... more) {
    List<String> args = new ArrayList<>(List.of("undo", "--source", "ttnv3",
        "--state", state.toString()));
    args.addAll(List.of(more));
    return tts.run(args.toArray(String[]::new));
  }

  @Test
  void undoPutsTargetAndSourceBackAsTheyWere() {
    EndDevice before = SampleDevices.abp(TwoDeployments.TARGET_APP, "there-before", 40);
    tts.target.put(before, SampleDevices.servers(before));
    Map<String, Optional<EndDevice>> source = TwoDeployments.snapshot(tts.source, "my-app",
        tts.sourceDeviceIds());
    Map<String, Optional<EndDevice>> target = TwoDeployments.snapshot(tts.target,
        TwoDeployments.TARGET_APP, List.of("there-before"));
    assertEquals(ExitCodes.OK, migrate().exitCode());

    CliRun.Result result = undo();

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("undone 6, left alone 0, failed 0"), result.stderr());
    assertTrue(result.stdout().contains("my-app/device-00001: deleted from the target"
        + " (new-app/device-00001); restored at the source"), result.stdout());
    assertEquals(source, TwoDeployments.snapshot(tts.source, "my-app",
        tts.sourceDeviceIds()));
    assertEquals(target, TwoDeployments.snapshot(tts.target, TwoDeployments.TARGET_APP,
        List.of("there-before")), "what was in the target before is untouched");
    tts.sourceDeviceIds().forEach(id -> assertFalse(tts.anywhereInTarget(id), id));
  }

  @Test
  void aDeviceChangedInTheTargetSinceIsLeftAloneThereAndAtTheSource() {
    assertEquals(ExitCodes.OK, migrate().exitCode());
    EndDevice changed = tts.inTarget(TtsServer.IDENTITY_SERVER, "device-00002").toBuilder()
        .setName("renamed in the target").build();
    tts.target.put(changed, Set.of(TtsServer.IDENTITY_SERVER));
    Map<String, Optional<EndDevice>> source = TwoDeployments.snapshot(tts.source, "my-app",
        List.of("device-00002"));

    CliRun.Result result = undo();

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("undone 5, left alone 1, failed 0"), result.stderr());
    assertTrue(result.stderr().contains("my-app/device-00002: changed in the target"
        + " (new-app/device-00002) since this run created it, in name; left in the target and"
        + " at the source as they are"), result.stderr());
    assertTrue(tts.anywhereInTarget("device-00002"));
    assertEquals(source, TwoDeployments.snapshot(tts.source, "my-app", List.of("device-00002")),
        "still disabled at the source: two networks never serve it at once");
  }

  @Test
  void aDryRunListsWhatItWouldDoAndChangesNothing() {
    assertEquals(ExitCodes.OK, migrate().exitCode());
    tts.source.clearCalls();
    tts.target.clearCalls();

    CliRun.Result result = undo("--dry-run");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stdout().contains("my-app/my-device: would be deleted from the target"
        + " (new-app/my-device); would be restored at the source"), result.stdout());
    assertTrue(result.stderr().contains("undo (dry run): would undo 6, left alone 0"),
        result.stderr());
    assertEquals(List.of(), tts.source.writes());
    assertEquals(List.of(), tts.target.writes());
    assertFalse(Files.exists(Path.of(state + ".undo")), "a dry run records nothing");
  }

  @Test
  void undoGoesInWavesAndSkipsWhatAnEarlierUndoDid() {
    assertEquals(ExitCodes.OK, migrate().exitCode());

    CliRun.Result first = undo("--limit", "2");
    CliRun.Result named = undo("device-00004");
    CliRun.Result rest = undo();

    assertTrue(first.stderr().contains("undone 2,"), first.stderr());
    assertEquals(List.of("my-app/device-00001", "my-app/device-00002"), undoneIds(first),
        "in the order the migration moved them");
    assertEquals(List.of("my-app/device-00004"), undoneIds(named));
    assertEquals(List.of("my-app/device-00003", "my-app/device-00005", "my-app/my-device"),
        undoneIds(rest));
    CliRun.Result again = undo();
    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("no device of " + state + " is left to undo"),
        again.stderr());
  }

  @Test
  void idsOnStdinAreCheckedAndAnEmptyStdinIsRefusedNotTakenForEveryDevice() {
    assertEquals(ExitCodes.OK, migrate().exitCode());

    CliRun.Result empty = undo("-");
    CliRun.Result invalid = CliRun.run(tts.environment(), "device 4\n", "undo", "--source",
        "ttnv3", "--state", state.toString(), "-");
    CliRun.Result named = CliRun.run(tts.environment(), "device-00004\n", "undo", "--source",
        "ttnv3", "--state", state.toString(), "-");

    assertEquals(ExitCodes.USAGE, empty.exitCode(), empty.toString());
    assertTrue(empty.stderr().contains("no device IDs"), empty.stderr());
    assertEquals(ExitCodes.USAGE, invalid.exitCode(), invalid.toString());
    assertTrue(invalid.stderr().contains("\"device 4\" is not a valid device ID"),
        invalid.stderr());
    assertEquals(List.of("my-app/device-00004"), undoneIds(named), named.toString());
  }

  /** The source's devices without their creation times (see {@link TwoDeployments#asCreated}). */
  private Map<String, Optional<EndDevice>> sourceAsCreated(List<String> ids) {
    return TwoDeployments.asCreated(TwoDeployments.snapshot(tts.source, "my-app", ids));
  }

  private static List<String> undoneIds(CliRun.Result result) {
    return result.stdout().lines().map(line -> line.substring(0, line.indexOf(':'))).toList();
  }

  @Test
  void aDeviceTheMigrationDidNotMoveIsRefused() {
    assertEquals(ExitCodes.OK, migrate().exitCode());

    CliRun.Result result = undo("not-migrated");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("not-migrated not in " + state
        + ": this migration did not move it"), result.stderr());
  }

  @Test
  void withoutAJournalThereIsNothingToUndo() {
    CliRun.Result result = undo();

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains(state + " does not exist"), result.stderr());
  }

  @Test
  void aJournalOfAnOlderVersionSaysWhatItCannotRestore() throws Exception {
    assertEquals(ExitCodes.OK, migrate("--continue-on-error").exitCode());
    List<String> older = Files.readAllLines(state).stream()
        .filter(line -> !line.contains("\tsource-before\t")).toList();
    Files.write(state, older);

    CliRun.Result result = undo("my-device");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("my-app/my-device: the journal does not say how it was"
        + " at the source before the run (it was written by a version before undo); left in the"
        + " target and at the source as they are"), result.stderr());
    assertTrue(tts.anywhereInTarget("my-device"), "served by one network still");
  }

  @Test
  void aDeviceDeletedAtTheSourceIsReCreatedThereFromTheJournalsCopy() {
    Map<String, Optional<EndDevice>> source = sourceAsCreated(tts.sourceDeviceIds());
    assertEquals(ExitCodes.OK, migrate("--ttnv3.delete-source-device").exitCode());
    tts.sourceDeviceIds().forEach(id -> assertTrue(tts.source.stored(TtsServer.IDENTITY_SERVER,
        "my-app", id).isEmpty(), id + " deleted at the source"));

    CliRun.Result result = undo();

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("undone 6, left alone 0, failed 0"), result.stderr());
    assertTrue(result.stdout().contains("my-app/my-device: deleted from the target"
        + " (new-app/my-device); re-created at the source from the journal's copy, and read"
        + " back"), result.stdout());
    assertEquals(source, sourceAsCreated(tts.sourceDeviceIds()),
        "keys, session and MAC state as the registries held them");
    tts.sourceDeviceIds().forEach(id -> assertFalse(tts.anywhereInTarget(id), id));
  }

  @Test
  void aDryRunSaysADeletedDeviceWouldBeReCreatedAndChangesNothing() {
    assertEquals(ExitCodes.OK, migrate("--ttnv3.delete-source-device").exitCode());
    tts.source.clearCalls();
    tts.target.clearCalls();

    CliRun.Result result = undo("--dry-run", "my-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stdout().contains("my-app/my-device: would be deleted from the target"
        + " (new-app/my-device); would be re-created at the source from the journal's copy"),
        result.stdout());
    assertEquals(List.of(), tts.source.writes());
    assertEquals(List.of(), tts.target.writes());
  }

  @Test
  void aDeviceReCreatedAtTheSourceSinceIsNotOverwritten() {
    assertEquals(ExitCodes.OK, migrate("--ttnv3.delete-source-device").exitCode());
    EndDevice again = SampleDevices.abp("my-app", "device-00003", 77);
    tts.source.put(again, SampleDevices.servers(again));
    Map<String, Optional<EndDevice>> source = TwoDeployments.snapshot(tts.source, "my-app",
        List.of("device-00003"));

    CliRun.Result result = undo("device-00003");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("my-app/device-00003: deleted from the target"
        + " (new-app/device-00003); the source holds a device device-00003 again (re-created"
        + " since the run): left as it is there, not overwritten from the journal's copy"),
        result.stderr());
    assertEquals(source, TwoDeployments.snapshot(tts.source, "my-app", List.of("device-00003")));
    assertFalse(tts.anywhereInTarget("device-00003"), "the source serves it: one network");
  }

  @Test
  void aReCreationCutShortIsMadeWholeByTheNextUndo() {
    Map<String, Optional<EndDevice>> source = sourceAsCreated(List.of("my-device"));
    assertEquals(ExitCodes.OK, migrate("--ttnv3.delete-source-device").exitCode());
    tts.source.faults(call -> call.method().equals("Set")
        && call.server() == TtsServer.NETWORK_SERVER
        ? Optional.of(Fault.of(Status.INVALID_ARGUMENT.withDescription("refused once")))
        : Optional.empty());

    CliRun.Result cut = undo("my-device");
    tts.source.faults(call -> Optional.empty());
    CliRun.Result again = undo("my-device");

    assertEquals(ExitCodes.SOME_FAILED, cut.exitCode(), cut.toString());
    assertTrue(tts.source.stored(TtsServer.IDENTITY_SERVER, "my-app", "my-device").isPresent(),
        "the first undo left it half-created");
    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertTrue(again.stdout().contains("my-app/my-device: deleted from the target by an earlier"
        + " undo; re-created at the source from the journal's copy, and read back"),
        again.stdout());
    assertEquals(source, sourceAsCreated(List.of("my-device")));
  }

  @Test
  void aSourceKeyThatCannotWriteKeysIsRefusedBeforeTheTargetIsTouched() throws Exception {
    try (TwoDeployments limited = new TwoDeployments(1, TtsSimulator.builder().rights(
        Right.RIGHT_APPLICATION_DEVICES_READ, Right.RIGHT_APPLICATION_DEVICES_READ_KEYS,
        Right.RIGHT_APPLICATION_DEVICES_WRITE), TtsSimulator.builder())) {
      String[] migrate = {"migrate", "application", "--source", "ttnv3", "my-app", "--state",
          state.toString(), "--ttnv3.delete-source-device"};
      assertEquals(ExitCodes.OK, limited.run(migrate).exitCode());
      limited.target.clearCalls();

      CliRun.Result result = limited.run("undo", "--source", "ttnv3", "--state",
          state.toString());

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("writing their keys back"), result.stderr());
      assertEquals(List.of(), limited.target.writes());
    }
  }

  @Test
  void withoutAKeptCopyADeletedDeviceIsListedWithWhatToDoAndNothingChanges() throws Exception {
    assertEquals(ExitCodes.OK, migrate("--ttnv3.delete-source-device").exitCode());
    List<String> older = Files.readAllLines(state).stream()
        .filter(line -> !line.contains("\tsource-before\t")).toList();
    Files.write(state, older);
    Map<String, Optional<EndDevice>> target = TwoDeployments.snapshot(tts.target,
        TwoDeployments.TARGET_APP, List.of("device-00001"));
    tts.source.clearCalls();

    CliRun.Result result = undo("device-00001");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("my-app/device-00001: it was deleted at the source, and"
        + " this run kept no copy to re-create it from (the ttnv3 source keeps none, or the"
        + " journal was written by a version that did not): re-create it at the source by hand"),
        result.stderr());
    assertEquals(target, TwoDeployments.snapshot(tts.target, TwoDeployments.TARGET_APP,
        List.of("device-00001")), "served by one network still");
    assertEquals(List.of(), tts.source.writes());
  }
}
