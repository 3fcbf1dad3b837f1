package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * The Go tool's command lines for its source {@code tts}: {@code --tts.FLAG} and {@code TTS_*}
 * taken as the {@code ttnv3} source's flags, in both command forms.
 */
class GoToolFlagsTest {
  private static TtsSimulator simulator;

  @BeforeAll
  static void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 1));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static EndDevice exported(CliRun.Result result) {
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    return result.onlyDevice();
  }

  @Test
  void goFlagsOfTheTtsSource() {
    EndDevice device = exported(CliRun.run(Map.of(), "", "device", "--source", "tts",
        "--tts.app-id", "my-app", "--tts.app-api-key", CliRun.API_KEY,
        "--tts.default-grpc-address", simulator.address(),
        "--tts.ca-file", simulator.caFile().toString(), "--tts.no-session", "--dry-run",
        "my-device"));
    assertEquals("my-device", device.getIds().getDeviceId());
    assertTrue(!device.hasSession(), "--tts.no-session drops the session");
  }

  @Test
  void goEnvironmentOfTheTtsSourceInBothForms() {
    Map<String, String> environment = Map.of("TTS_APP_ID", "my-app",
        "TTS_APP_API_KEY", CliRun.API_KEY, "TTS_DEFAULT_GRPC_ADDRESS", simulator.address(),
        "TTS_CA_FILE", simulator.caFile().toString(), "TTS_NO_SESSION", "true");
    for (List<String> form : List.of(List.of("device", "--source", "tts"),
        List.of("tts", "device"))) {
      String[] args = java.util.stream.Stream.concat(form.stream(),
          java.util.stream.Stream.of("--dry-run", "my-device")).toArray(String[]::new);
      EndDevice device = exported(CliRun.run(environment, "", args));
      assertTrue(!device.hasSession(), form.toString());
    }
  }

  @Test
  void goFlagsAreTheTtnv3FlagsNotCopies() {
    // a --tts. flag wins over the environment, as its --ttnv3. name does
    CliRun.Result result = CliRun.run(Map.of("TTS_APP_ID", "other-app",
        "TTS_APP_API_KEY", CliRun.API_KEY, "TTS_DEFAULT_GRPC_ADDRESS", simulator.address(),
        "TTS_CA_FILE", simulator.caFile().toString()), "",
        "device", "--source", "tts", "--tts.app-id", "my-app", "--dry-run", "my-device");
    exported(result);
    CliRun.Result insecure = CliRun.run(Map.of(), "", "device", "--source", "tts",
        "--tts.app-id", "my-app", "--tts.app-api-key", CliRun.API_KEY,
        "--tts.default-grpc-address", simulator.address(), "--tts.insecure",
        "--tts.delete-source-device", "--dry-run", "my-device");
    // --tts.insecure reaches the TLS simulator in plaintext, and the message names the flag
    // as it was typed
    assertEquals(ExitCodes.USAGE, insecure.exitCode(), insecure.toString());
    assertTrue(insecure.stderr().contains("leave out --tts.insecure (and give --tts.ca-file"),
        insecure.toString());
  }
}
