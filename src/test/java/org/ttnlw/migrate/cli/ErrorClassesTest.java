package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * Per-device failures are collected under --continue-on-error; failures that would fail every
 * device (a key refused mid-run) stop the run whatever it says.
 */
class ErrorClassesTest {
  private TtsSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true).start();
    for (int i = 1; i <= 5; i++) {
      simulator.put(SampleDevices.otaaWithSession("my-app", "device-" + i, i));
    }
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** device-3 is deleted by someone else after the listing, just before it is read. */
  private void device3VanishesAfterListing() {
    AtomicBoolean gone = new AtomicBoolean();
    simulator.faults(call -> {
      if (call.method().equals("Get") && call.deviceId().equals("device-3")
          && gone.compareAndSet(false, true)) {
        simulator.remove("my-app", "device-3");
      }
      return Optional.empty();
    });
  }

  @Test
  void aDeviceThatVanishedAfterListingIsNamedAndStopsTheRun() {
    device3VanishesAfterListing();
    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--dry-run", "--concurrency", "1");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("device my-app/device-3 vanished after listing"),
        result.stderr());
    assertTrue(result.stderr().contains("stopped; exported 2, downlinks disabled 0, deleted 0,"
        + " skipped 0, failed 1"), result.stderr());
  }

  @Test
  void aDeviceThatVanishedAfterListingIsCollectedWithContinueOnError() {
    device3VanishesAfterListing();
    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--dry-run", "--continue-on-error");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertEquals(4, result.devices().size());
    assertTrue(result.stderr().contains("\n  device my-app/device-3 vanished after listing"), result.stderr());
  }

  @Test
  void aKeyRevokedMidRunStopsEvenWithContinueOnError() {
    simulator.faults(call -> call.method().equals("Get") && call.deviceId().equals("device-2")
        ? Optional.of(Fault.of(Status.UNAUTHENTICATED.withDescription("token expired")))
        : Optional.empty());
    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--dry-run", "--continue-on-error", "--concurrency", "1");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("stopped; exported 1,"), result.stderr());
    assertTrue(result.stderr().contains("failed 1"), result.stderr());
    assertFalse(result.stderr().contains("device-3"), "no device after it was tried: "
        + result.stderr());
  }
}
