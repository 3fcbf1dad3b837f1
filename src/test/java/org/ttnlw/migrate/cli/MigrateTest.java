package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.tts.TtsServer;

/** {@code migrate} from one simulator into another, over TLS, in-process. */
class MigrateTest {
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(6);

  @TempDir
  Path folder;

  private List<String> sourceWrites() {
    return tts.source.writes().stream().map(c -> c.method() + " " + c.deviceId()).toList();
  }

  @Test
  void aWholeApplicationMovesAndTheSourceIsTouchedOnlyAfterItsDeviceIsVerified() {
    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(7, result.devices().size(), result.toString());
    assertTrue(result.stderr().contains("migrated 7 (created 7), downlinks disabled 7, deleted 0,"
        + " skipped 0, failed 0"), result.stderr());
    for (EndDevice exported : result.devices()) {
      String id = exported.getIds().getDeviceId();
      assertEquals(TwoDeployments.TARGET_APP, exported.getIds().getApplicationIds()
          .getApplicationId());
      EndDevice source = tts.source.stored(TtsServer.NETWORK_SERVER, "my-app", id).orElseThrow();
      EndDevice ns = tts.inTarget(TtsServer.NETWORK_SERVER, id);
      assertEquals(source.getFrequencyPlanId(), ns.getFrequencyPlanId(), id);
      assertEquals(source.getSession().getKeys().getFNwkSIntKey(),
          ns.getSession().getKeys().getFNwkSIntKey(), id);
      assertEquals(source.getMacSettings().getSupports32BitFCnt(),
          ns.getMacSettings().getSupports32BitFCnt(), id);
      assertFalse(ns.getMacSettings().hasScheduleDownlinks(), "downlinks stay on in the target");
      assertEquals(tts.source.stored(TtsServer.IDENTITY_SERVER, "my-app", id).orElseThrow()
          .getName(), tts.inTarget(TtsServer.IDENTITY_SERVER, id).getName());
      EndDevice is = tts.inTarget(TtsServer.IDENTITY_SERVER, id);
      assertEquals("localhost", is.getNetworkServerAddress(), "the target's own servers");
      Optional<EndDevice> sourceAs = tts.source.stored(TtsServer.APPLICATION_SERVER, "my-app", id);
      if (sourceAs.isPresent() && sourceAs.get().getSession().getKeys().hasAppSKey()) {
        assertEquals(sourceAs.get().getSession().getKeys().getAppSKey(),
            tts.inTarget(TtsServer.APPLICATION_SERVER, id).getSession().getKeys().getAppSKey());
      }
      Optional<EndDevice> sourceJs = tts.source.stored(TtsServer.JOIN_SERVER, "my-app", id);
      assertEquals(sourceJs.isPresent(),
          tts.target.stored(TtsServer.JOIN_SERVER, TwoDeployments.TARGET_APP, id).isPresent(),
          id + ": on the target's JS exactly when it joins");
      sourceJs.ifPresent(js -> assertEquals(js.getRootKeys(),
          tts.inTarget(TtsServer.JOIN_SERVER, id).getRootKeys()));
      assertFalse(tts.source.stored(TtsServer.NETWORK_SERVER, "my-app", id).orElseThrow()
          .getMacSettings().getScheduleDownlinks().getValue(), "disabled at the source");
    }
    assertSourceChangedAfterTargetVerified();
  }

  /** Each source write comes after the target's last read of that device (its verification). */
  private void assertSourceChangedAfterTargetVerified() {
    for (CallInfo write : tts.source.writes()) {
      long verified = tts.target.calls().stream()
          .filter(c -> c.deviceId().equals(write.deviceId()) && c.method().equals("Get"))
          .count();
      assertTrue(verified >= 4, write.deviceId() + " read back from the 4 target servers");
    }
  }

  @Test
  void aSecondRunChangesNothingInTheTarget() {
    assertEquals(ExitCodes.OK, tts.run("migrate", "application", "--source", "ttnv3", "my-app")
        .exitCode());
    tts.target.clearCalls();

    CliRun.Result again = tts.run("migrate", "application", "--source", "ttnv3", "my-app");

    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("migrated 7 (already in the target 7)"), again.stderr());
    assertEquals(List.of(), tts.target.writes(), "no write in the target");
  }

  @Test
  void aDryRunsJournalIsNeverTakenForARealRun() {
    Path state = folder.resolve("dry.state");
    CliRun.Result dry = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--dry-run", "--state", state.toString());
    assertEquals(ExitCodes.OK, dry.exitCode(), dry.toString());
    tts.source.clearCalls();

    CliRun.Result real = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--state", state.toString());

    assertEquals(ExitCodes.USAGE, real.exitCode(), real.toString());
    assertTrue(real.stderr().contains("is the state file of a dry run of a migration"),
        real.stderr());
    assertEquals(List.of(), tts.source.writes(), "nothing disabled at the source");
  }

  @Test
  void withAJournalASecondRunChangesNothingAnywhere() {
    Path output = folder.resolve("migrated.json");
    String[] args = {"migrate", "application", "--source", "ttnv3", "my-app", "--output",
        output.toString()};
    assertEquals(ExitCodes.OK, tts.run(args).exitCode());
    tts.source.clearCalls();
    tts.target.clearCalls();

    CliRun.Result again = tts.run(args);

    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("skipped 7"), again.stderr());
    assertEquals(List.of(), tts.target.writes());
    assertEquals(List.of(), tts.source.writes());
  }

  @Test
  void deviceFormWithPrefixNoSessionAndDeleteAtTheSource() {
    CliRun.Result result = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "my-device", "device-00002", "--ttnv3.no-session", "--dev-id-prefix", "cloud",
        "--ttnv3.delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    EndDevice ns = tts.inTarget(TtsServer.NETWORK_SERVER, "cloud-my-device");
    assertFalse(ns.hasSession(), "no session with --no-session");
    assertEquals("my-device",
        tts.inTarget(TtsServer.IDENTITY_SERVER, "cloud-my-device").getAttributesOrThrow("old-id"));
    for (TtsServer server : TtsServer.values()) {
      assertTrue(tts.source.stored(server, "my-app", "my-device").isEmpty(), "deleted: " + server);
    }
  }

  @Test
  void perSourceFormWorksToo() {
    CliRun.Result result = tts.run("ttnv3", "migrate", "device", "--app-id", "my-app",
        "my-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    tts.inTarget(TtsServer.NETWORK_SERVER, "my-device");
  }

  @Test
  void aDeviceThatFailsOnTheNetworkServerIsRolledBackAndTheSourceIsUntouched() {
    tts.target.faults(call -> call.server() == TtsServer.NETWORK_SERVER
        && call.method().equals("Set") && call.deviceId().equals("device-00002")
        ? Optional.of(Fault.of(Status.INVALID_ARGUMENT.withDescription("refused by the test")))
        : Optional.empty());

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--continue-on-error");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertFalse(tts.anywhereInTarget("device-00002"), "rolled back");
    assertTrue(result.stderr().contains("device my-app/device-00002") || result.stderr()
        .contains("device new-app/device-00002"), result.stderr());
    assertTrue(result.stderr().contains("was deleted again"), result.stderr());
    assertFalse(sourceWrites().contains("Set device-00002"), "source untouched");
    assertTrue(sourceWrites().contains("Set device-00003"), "the others went on");
  }

  @Test
  void aDeviceAlreadyInTheTargetThatMatchesIsAlreadyMigrated() {
    assertEquals(ExitCodes.OK, tts.run("migrate", "device", "--source", "ttnv3",
        "--ttnv3.app-id", "my-app", "my-device").exitCode());
    tts.target.clearCalls();

    CliRun.Result again = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "my-device");

    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("already in the target 1"), again.stderr());
    assertEquals(List.of(), tts.target.writes());
  }

  @Test
  void aDifferentDeviceInTheTargetIsNeverOverwrittenSilently() {
    EndDevice other = SampleDevices.otaaWithSession(TwoDeployments.TARGET_APP, "my-device", 9);
    tts.target.put(other);

    CliRun.Result result = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "my-device");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("is already in the target and differs in"),
        result.stderr());
    assertTrue(result.stderr().contains("--target.update-existing"), result.stderr());
    assertEquals(List.of(), tts.target.writes());
    assertEquals(List.of(), tts.source.writes(), "the source is untouched");

    CliRun.Result updated = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "my-device", "--target.update-existing");

    assertEquals(ExitCodes.OK, updated.exitCode(), updated.toString());
    assertTrue(updated.stderr().contains("updated 1"), updated.stderr());
    EndDevice source = tts.source.stored(TtsServer.JOIN_SERVER, "my-app", "my-device")
        .orElseThrow();
    assertEquals(source.getRootKeys(), tts.inTarget(TtsServer.JOIN_SERVER, "my-device")
        .getRootKeys());
  }

  @Test
  void euisTakenByAnotherApplicationIsNamedAndNotRetried() {
    EndDevice holder = SampleDevices.otaaWithSession("my-app", "my-device", 0).toBuilder()
        .setIds(SampleDevices.otaaWithSession("my-app", "my-device", 0).getIds().toBuilder()
            .setDeviceId("holder")
            .setApplicationIds(org.ttnlw.migrate.proto.ApplicationIdentifiers.newBuilder()
                .setApplicationId("someone-else")))
        .build();
    tts.target.put(holder);

    CliRun.Result result = tts.run("migrate", "device", "--source", "ttnv3", "--ttnv3.app-id",
        "my-app", "my-device");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("are already registered in the target as device holder"
        + " of application someone-else"), result.stderr());
    assertEquals(1, tts.target.writes().stream().filter(c -> c.method().equals("Create"))
        .count(), "not retried");
    assertEquals(List.of(), tts.source.writes());
  }

  @Test
  void dryRunChecksTheTargetAndWritesNothing() {
    tts.target.put(SampleDevices.otaaWithSession(TwoDeployments.TARGET_APP, "device-00001", 9));

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--dry-run", "--continue-on-error");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("would be created 6"), result.stderr());
    assertTrue(result.stderr().contains("device-00001 is already in the target and differs"),
        result.stderr());
    assertEquals(List.of(), tts.target.writes());
    assertEquals(List.of(), tts.source.writes());
  }

  @Test
  void aRateLimitedTargetSlowsTheRunDownButLosesNothing() {
    tts.target.faults(call -> call.sequence() % 4 == 0
        ? Optional.of(Fault.rateLimited(Duration.ofMillis(0)))
        : Optional.empty());

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--retries", "8");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("migrated 7 (created 7)"), result.stderr());
  }

  @Test
  void aMissingTargetApplicationOrBadKeyIsAConfigurationError() {
    CliRun.Result missing = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--target.app-id", "no-such-app");
    assertEquals(ExitCodes.USAGE, missing.exitCode(), missing.toString());
    assertTrue(missing.stderr().contains("create the application in the target first"),
        missing.stderr());

    CliRun.Result wrongKey = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--target.app-api-key", "NNSXS.WRONG");
    assertEquals(ExitCodes.USAGE, wrongKey.exitCode(), wrongKey.toString());
    assertTrue(wrongKey.stderr().contains("--target.app-api-key"), wrongKey.stderr());
    assertFalse(wrongKey.stderr().contains("NNSXS.WRONG"), wrongKey.stderr());
    assertEquals(List.of(), tts.source.writes());
  }

  @Test
  void anExportJournalIsNotTakenForAMigration() throws Exception {
    Path output = folder.resolve("devices.json");
    assertEquals(ExitCodes.OK, tts.run("application", "--source", "ttnv3", "my-app", "--dry-run",
        "--output", output.toString()).exitCode());

    CliRun.Result result = tts.run("migrate", "application", "--source", "ttnv3", "my-app",
        "--output", output.toString());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("is the state file of a dry run of an export"), result.stderr());
    assertTrue(Files.exists(output));
    assertEquals(List.of(), tts.target.writes());
  }
}
