package org.ttnlw.migrate.source.chirpstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackCall;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;

/** Whole ChirpStack applications, paged by limit and offset, in both command forms. */
class ChirpStackApplicationExportTest {
  private static final int DEVICES = 250;
  private ChirpStackSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator = ChirpStackSimulator.builder().adminKey(CliRun.API_KEY)
        .tenantKey(ChirpStackExportTest.TENANT_KEY, SampleChirpStack.TENANT).tls(true).start();
    SampleChirpStack.seed(simulator);
    for (int i = DEVICES; i >= 1; i--) {
      SampleChirpStack.putJoinedOtaa(simulator, i);
    }
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private List<String> listCalls() {
    return simulator.calls().stream().filter(c -> c.method().endsWith("/List"))
        .map(ChirpStackCall::target).toList();
  }

  @Test
  void everyPageIsReadWithALimitUntilTheTotalCount() {
    CliRun.Result result = CliRun.run(ChirpStackExportTest.environment(simulator), "",
        "chirpstack", "application", SampleChirpStack.APPLICATION.toUpperCase());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<EndDevice> devices = result.devices();
    assertEquals(DEVICES, devices.size());
    for (int i = 0; i < DEVICES; i++) {
      assertEquals("eui-" + SampleChirpStack.devEui(i + 1), devices.get(i).getIds().getDeviceId());
    }
    String app = SampleChirpStack.APPLICATION;
    assertEquals(List.of(app + " offset 0 limit 100", app + " offset 100 limit 100",
        app + " offset 200 limit 100"), listCalls());
    assertEquals(1, simulator.calls().stream()
        .filter(c -> c.method().equals("DeviceProfileService/Get")).count(),
        "one profile, read once");
    assertEquals(DEVICES, simulator.writes().size());
    assertTrue(result.stderr().contains("exported 250, disabled 250"), result.stderr());
  }

  @Test
  void genericFormWithTenantKeyAndDeletion() {
    Map<String, String> environment = ChirpStackExportTest.environment(simulator);
    environment.put("CHIRPSTACK_API_KEY", ChirpStackExportTest.TENANT_KEY);
    CliRun.Result result = CliRun.run(environment, SampleChirpStack.APPLICATION + "\n",
        "application", "--source", "chirpstack", "--chirpstack.delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(DEVICES, result.devices().size());
    assertEquals(DEVICES, simulator.writes().stream()
        .filter(c -> c.method().equals("DeviceService/Delete")).count());
    assertTrue(simulator.device(SampleChirpStack.devEui(1)).isEmpty());
  }

  @Test
  void aWrongKeyIsOneUnretriedCallAndExitCode2() {
    Map<String, String> environment = ChirpStackExportTest.environment(simulator);
    environment.put("CHIRPSTACK_API_KEY", "wrong.jwt.DO-NOT-LOG");
    CliRun.Result result = CliRun.run(environment, "", "chirpstack", "application",
        SampleChirpStack.APPLICATION, "--continue-on-error", "--delete-source-device");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertEquals(1, result.stderr().lines().count(), result.stderr());
    assertTrue(result.stderr().startsWith("ttn-lw-migrate: source: checking the source"
        + " application"), result.stderr());
    assertTrue(result.stderr().contains("UNAUTHENTICATED") && result.stderr().contains(
        "--api-key"), result.stderr());
    assertEquals(1, simulator.calls().size(), "the pre-flight only: " + simulator.calls());
    assertEquals(List.of(), simulator.writes());
  }

  @Test
  void anApplicationOfAnotherTenantIsNotVisible() {
    Map<String, String> environment = ChirpStackExportTest.environment(simulator);
    environment.put("CHIRPSTACK_API_KEY", ChirpStackExportTest.TENANT_KEY);
    CliRun.Result result = CliRun.run(environment, "", "chirpstack", "application",
        SampleChirpStack.OTHER_APPLICATION);
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("source: checking the source application "
        + SampleChirpStack.OTHER_APPLICATION), result.stderr());
    assertTrue(result.stderr().contains("the application does not exist, or the key"
        + " (--api-key) cannot see it"), result.stderr());

    CliRun.Result notUuid = CliRun.run(environment, "", "chirpstack", "application", "my-app");
    assertEquals(ExitCodes.USAGE, notUuid.exitCode(), notUuid.toString());
  }

  @Test
  void retriesAPassingFailure() {
    java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
    simulator.faults(call -> call.method().equals("DeviceService/Get")
        && failures.getAndIncrement() < 2
        ? Optional.of(io.grpc.Status.UNAVAILABLE) : Optional.empty());
    CliRun.Result result = CliRun.run(ChirpStackExportTest.environment(simulator), "",
        "chirpstack", "device", SampleChirpStack.devEui(1), "--dry-run");
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(1, result.devices().size());
  }
}
