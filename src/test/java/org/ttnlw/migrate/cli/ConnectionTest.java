package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/** TLS, API keys and servers that cannot be reached. */
class ConnectionTest {
  /** A simulator holding my-app/my-device, with TLS or plaintext. */
  static TtsSimulator start(boolean tls) throws Exception {
    TtsSimulator simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(tls).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 1));
    return simulator;
  }

  @Test
  void plaintextOnlyWithInsecure() throws Exception {
    try (TtsSimulator simulator = start(false)) {
      CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device");
      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertEquals(1, result.devices().size());
    }
  }

  @Test
  void tlsServerWithPrivateCaNeedsTheCaFile() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.remove("TTNV3_CA_FILE");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertEquals("", result.stdout());
      assertTrue(result.stderr().contains("UNAVAILABLE"), result.stderr());
      assertFalse(result.stderr().contains("attempts"), "an untrusted server is not retried");
      assertEquals(List.of(), simulator.calls(), "the handshake failed before any call");
    }
  }

  @Test
  void caFileFlagWinsOverEnvironment() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.put("TTNV3_CA_FILE", "/nonexistent/ca.pem");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device", "--ttnv3.ca-file", simulator.caFile().toString());

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    }
  }

  @Test
  void unreadableCaFileIsAConfigurationError() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.put("TTNV3_CA_FILE", "/nonexistent/ca.pem");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("cannot use the CA file /nonexistent/ca.pem"),
          result.stderr());
      assertEquals(List.of(), simulator.calls());
    }
  }

  @Test
  void wrongApiKeyIsReportedAndChangesNothing() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.put("TTNV3_APP_API_KEY", "NNSXS.WRONG");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("source: "), result.stderr());
      assertTrue(result.stderr().contains("UNAUTHENTICATED"), result.stderr());
      assertTrue(result.stderr().contains("--ttnv3.app-api-key"), result.stderr());
      assertTrue(!result.stderr().contains("NNSXS.WRONG"), result.stderr());
      assertEquals(List.of(), simulator.writes());
    }
  }

  @Test
  void missingApiKeyFailsBeforeAnyCall() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      environment.remove("TTNV3_APP_API_KEY");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("no API key"), result.stderr());
      assertEquals(List.of(), simulator.calls());
    }
  }

  @Test
  void apiKeyFromFile() throws Exception {
    try (TtsSimulator simulator = start(true)) {
      java.nio.file.Path keyFile = java.nio.file.Files.createTempFile("api-key", ".txt");
      java.nio.file.Files.writeString(keyFile, CliRun.API_KEY + "\n");
      Map<String, String> environment = CliRun.environment(simulator);
      environment.remove("TTNV3_APP_API_KEY");

      CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3",
          "my-device", "--ttnv3.app-api-key-file", keyFile.toString(), "--dry-run");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      java.nio.file.Files.delete(keyFile);
    }
  }

  @Test
  void missingAddressFailsBeforeAnyCall() {
    CliRun.Result result = CliRun.run(Map.of("TTNV3_APP_API_KEY", CliRun.API_KEY), "",
        "device", "--source", "ttnv3", "--ttnv3.app-id", "my-app", "my-device");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("no gRPC address for the IS"), result.stderr());
  }

  @Test
  void unreachableServerNamesTheServerAndAddress() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> environment = Map.of(
        "TTNV3_APP_ID", "my-app",
        "TTNV3_APP_API_KEY", CliRun.API_KEY,
        "TTNV3_INSECURE", "1",
        "TTNV3_DEFAULT_GRPC_ADDRESS", "127.0.0.1:" + closedPort);

    CliRun.Result result = CliRun.run(environment, "", "device", "--source", "ttnv3", "my-device",
        "--timeout", "5s");

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("source: checking the rights of the source API key on"
        + " application my-app: "), result.stderr());
    assertTrue(result.stderr().contains("at 127.0.0.1:" + closedPort + " failed: UNAVAILABLE"),
        result.stderr());
    assertTrue(result.stderr().contains("--ttnv3.default-grpc-address"), result.stderr());
    assertFalse(result.stderr().contains("attempts"), "an unreachable address is not retried");
  }
}
