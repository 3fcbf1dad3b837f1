package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * {@code migrate} through {@code bin/ttn-lw-migrate}, as operators run it, for the cases the
 * docs promise beyond the happy path: a rollback, a device already in the target (same and
 * different), taken EUIs, a rate-limited target. Every stdout line must be a TTS device.
 */
class MigrateLauncherIT {
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(3);

  @TempDir
  Path folder;

  private PackagedTool.Result migrate(String... extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("migrate", "application", "--source",
        "ttnv3", "my-app"));
    args.addAll(List.of(extra));
    PackagedTool.Result result = PackagedTool.launcher(folder, tts.environment(), "",
        args.toArray(String[]::new));
    result.devices();
    assertFalse(result.stdout().contains(TwoDeployments.TARGET_KEY)
        || result.stderr().contains(TwoDeployments.TARGET_KEY), result.toString());
    assertFalse(result.stderr().contains("[picocli"), "picocli's own warnings reach the"
        + " operator:\n" + result.stderr());
    return result;
  }

  @Test
  void aDeviceRefusedByTheTargetsNetworkServerIsRolledBackAndTheRestMove() throws Exception {
    tts.target.faults(call -> call.server() == TtsServer.NETWORK_SERVER
        && call.method().equals("Set") && call.deviceId().equals("device-00001")
        ? Optional.of(Fault.of(Status.INVALID_ARGUMENT.withDescription("refused")))
        : Optional.empty());

    PackagedTool.Result result = migrate("--continue-on-error");

    assertEquals(3, result.exitCode(), result.toString());
    assertEquals(3, result.devices().size(), result.toString());
    assertFalse(tts.anywhereInTarget("device-00001"));
    assertTrue(result.stderr().contains("was deleted again"), result.stderr());
  }

  @Test
  void aSecondRunFindsEveryDeviceAlreadyThereAndAChangedOneIsRefused() throws Exception {
    assertEquals(0, migrate().exitCode());
    tts.target.put(SampleDevices.otaaWithSession(TwoDeployments.TARGET_APP, "device-00002", 9));
    tts.target.clearCalls();

    PackagedTool.Result again = migrate("--continue-on-error");

    assertEquals(3, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("already in the target 3"), again.stderr());
    assertTrue(again.stderr().contains("device-00002 is already in the target and differs"),
        again.stderr());
    assertTrue(tts.target.writes().isEmpty(), "nothing written in the target");
  }

  @Test
  void takenEuisAreNamed() throws Exception {
    EndDevice holder = SampleDevices.otaaWithSession("my-app", "my-device", 0);
    tts.target.put(holder.toBuilder().setIds(holder.getIds().toBuilder().setDeviceId("holder")
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId("other")))
        .build());

    PackagedTool.Result result = migrate("--continue-on-error");

    assertEquals(3, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("already registered in the target as device holder of"
        + " application other"), result.stderr());
  }

  @Test
  void aRateLimitedTargetSlowsDownAndLosesNothing() throws Exception {
    tts.target.faults(call -> call.sequence() % 3 == 0
        ? Optional.of(Fault.rateLimited(Duration.ZERO)) : Optional.empty());

    PackagedTool.Result result = migrate("--retries", "8");

    assertEquals(0, result.exitCode(), result.toString());
    assertEquals(4, result.devices().size());
    assertTrue(result.stderr().contains("migrated 4 (created 4)"), result.stderr());
  }
}
