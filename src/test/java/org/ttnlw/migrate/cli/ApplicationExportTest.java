package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

class ApplicationExportTest {
  private static final int DEVICES = 130;
  private TtsSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true).start();
    for (EndDevice device : SampleDevices.application("my-app", DEVICES)) {
      simulator.put(device, SampleDevices.servers(device));
    }
    for (EndDevice device : SampleDevices.application("second-app", 3)) {
      simulator.put(device, SampleDevices.servers(device));
    }
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void exportsEveryDeviceOverSeveralPagesAndDisablesTheirDownlinks() {
    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<String> ids = result.devices().stream().map(d -> d.getIds().getDeviceId()).toList();
    assertEquals(SampleDevices.application("my-app", DEVICES).stream()
        .map(d -> d.getIds().getDeviceId()).toList(), ids);
    List<CallInfo> lists = simulator.calls().stream().filter(c -> c.method().equals("List"))
        .toList();
    assertEquals(2, lists.size(), "two pages of 100");
    List<CallInfo> writes = simulator.writes();
    assertEquals(DEVICES, writes.size());
    assertTrue(writes.stream().allMatch(c -> c.method().equals("Set")
        && c.fieldMaskPaths().equals(List.of("mac_settings.schedule_downlinks"))));
    assertTrue(result.stderr().contains("exported 130, downlinks disabled 130, deleted 0"), result.stderr());
  }

  @Test
  void deletingWhilePagingSkipsNoDevice() {
    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--ttnv3.delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(DEVICES, result.devices().size());
    for (EndDevice device : SampleDevices.application("my-app", DEVICES)) {
      assertTrue(simulator.stored(TtsServer.IDENTITY_SERVER, "my-app",
          device.getIds().getDeviceId()).isEmpty(), device.getIds().getDeviceId());
    }
  }

  /**
   * Another client deletes devices of the first page while the second is on its way: TTS counts
   * afresh and pages by offset, so the second page starts further on and skips as many.
   */
  @Test
  void devicesDeletedElsewhereWhilePagingFailTheListingInsteadOfSkippingDevices() {
    AtomicInteger lists = new AtomicInteger();
    simulator.faults(call -> {
      if (call.method().equals("List") && call.applicationId().equals("my-app")
          && lists.incrementAndGet() == 2) {
        SampleDevices.application("my-app", 20).forEach(device ->
            simulator.remove("my-app", device.getIds().getDeviceId()));
      }
      return Optional.empty();
    });

    CliRun.Result result = CliRun.run(simulator, "list", "--source", "ttnv3", "my-app");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("listing devices of application my-app: the server's"
        + " count (x-total-count) fell from 130 to 110 by page 2: entries were deleted while the"
        + " list was read"), result.stderr());
  }

  @Test
  void outputIsTheSameAtEveryConcurrency() {
    String sequential = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--dry-run", "--concurrency", "1").stdout();
    String parallel = CliRun.run(simulator, "application", "--source", "ttnv3", "my-app",
        "--dry-run", "--concurrency", "32").stdout();
    assertEquals(DEVICES, sequential.lines().count());
    assertEquals(sequential, parallel);
  }

  @Test
  void applicationIdsFromStdinExportOneAfterAnother() {
    CliRun.Result result = CliRun.run(CliRun.environment(simulator), "second-app\r\n\r\nmy-app\n",
        "application", "--source", "ttnv3", "--dry-run");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<EndDevice> devices = result.devices();
    assertEquals(DEVICES + 3, devices.size());
    assertEquals("second-app", devices.get(0).getIds().getApplicationIds().getApplicationId());
    assertEquals("my-app", devices.get(3).getIds().getApplicationIds().getApplicationId());
  }

  @Test
  void unknownApplicationIsAConfigurationError() {
    CliRun.Result result = CliRun.run(simulator, "application", "--source", "ttnv3",
        "no-such-app", "--dry-run");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("source: the API key has no rights on application"
        + " no-such-app: the application does not exist there"), result.stderr());
  }
}
