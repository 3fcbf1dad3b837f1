package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * The pre-flight: before the first device, one call per source (and target) proves the address,
 * TLS, the key and its rights. Whatever fails there fails the run with exit code 2 and one line
 * naming the side, the cause and the flag to fix; nothing is changed at the source or the target,
 * no output or journal file is made, with or without --continue-on-error.
 */
class PreflightTest {
  @TempDir
  Path dir;
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(3);

  /** Runs {@code migrate application} (or an export without "migrate") writing into dir. */
  private CliRun.Result run(Map<String, String> environment, boolean migrate, String... extra) {
    List<String> args = new ArrayList<>();
    if (migrate) {
      args.add("migrate");
    }
    args.addAll(List.of("application", "--source", "ttnv3", "my-app",
        "--output", dir.resolve("devices.json").toString()));
    args.addAll(List.of(extra));
    return CliRun.run(environment, "", args.toArray(String[]::new));
  }

  /** Exit 2, one line naming side, cause and flag, nothing changed, no file, in both modes. */
  private void assertRefused(Map<String, String> environment, boolean migrate, String side,
      String cause, String flag) throws Exception {
    for (boolean continueOnError : new boolean[] {false, true}) {
      CliRun.Result result = continueOnError
          ? run(environment, migrate, "--continue-on-error", "--ttnv3.delete-source-device")
          : run(environment, migrate, "--ttnv3.delete-source-device");
      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      // picocli's warning about --with-gateways is another matter.
      List<String> lines = result.stderr().lines()
          .filter(line -> !line.startsWith("[picocli WARN]")).toList();
      assertEquals(1, lines.size(), result.stderr());
      String line = lines.get(0);
      assertTrue(line.startsWith("ttn-lw-migrate: " + side + ": "), line);
      assertTrue(line.contains(cause), line);
      assertTrue(line.contains(flag), line);
      assertEquals("", result.stdout());
      assertEquals(List.of(), tts.source.writes());
      assertEquals(List.of(), tts.target.writes());
      try (var files = Files.list(dir)) {
        assertEquals(List.of(), files.toList(), "no output or journal file");
      }
    }
  }

  @Test
  void aWrongSourceKeyIsOneCallAndExitCode2() throws Exception {
    Map<String, String> environment = tts.environment();
    environment.put("TTNV3_APP_API_KEY", "NNSXS.WRONG");
    assertRefused(environment, false, "source", "UNAUTHENTICATED", "--ttnv3.app-api-key");
    assertRefused(environment, true, "source", "UNAUTHENTICATED", "--ttnv3.app-api-key");
    assertEquals(List.of("ListRights"),
        tts.source.calls().stream().map(CallInfo::method).distinct().toList());
    assertEquals(4, tts.source.calls().size(), "one call a run");
    assertEquals(List.of(), tts.target.calls(), "the source is checked first");
  }

  @Test
  void aSourceKeyWithoutTheRightsTheRunNeedsIsNamed() throws Exception {
    try (TtsSimulator infoOnly = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true)
        .rights(Right.RIGHT_APPLICATION_INFO).start()) {
      infoOnly.addApplication("my-app");
      Map<String, String> environment = tts.environment();
      environment.put("TTNV3_DEFAULT_GRPC_ADDRESS", infoOnly.address());
      environment.put("TTNV3_CA_FILE", infoOnly.caFile().toString());
      assertRefused(environment, false, "source", "lacks APPLICATION_DEVICES_READ (for reading"
          + " the devices)", "--ttnv3.app-api-key");
    }
  }

  @Test
  void aSourceKeyThatCannotReadKeysOrDeleteIsRefusedBeforeTheFirstDevice() throws Exception {
    try (TtsSimulator readOnly = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true)
        .rights(Right.RIGHT_APPLICATION_INFO, Right.RIGHT_APPLICATION_DEVICES_READ).start()) {
      readOnly.addApplication("my-app");
      Map<String, String> environment = tts.environment();
      environment.put("TTNV3_DEFAULT_GRPC_ADDRESS", readOnly.address());
      environment.put("TTNV3_CA_FILE", readOnly.caFile().toString());
      assertRefused(environment, true, "source", "APPLICATION_DEVICES_READ_KEYS (for reading"
          + " their root and session keys), APPLICATION_DEVICES_WRITE (for deleting them at the"
          + " source)", "--ttnv3.app-api-key");
    }
  }

  @Test
  void anUnreachableSourceIsNotRetried() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> environment = tts.environment();
    environment.put("TTNV3_DEFAULT_GRPC_ADDRESS", "127.0.0.1:" + closedPort);
    long start = System.nanoTime();
    assertRefused(environment, true, "source", "UNAVAILABLE", "--ttnv3.default-grpc-address");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 5_000, "four runs took " + millis + " ms: retried?");
  }

  @Test
  void aTlsMismatchAtTheSourceNamesTheCaFlag() throws Exception {
    Map<String, String> environment = tts.environment();
    environment.remove("TTNV3_CA_FILE");
    assertRefused(environment, false, "source", "UNAVAILABLE", "--ttnv3.ca-file");
    assertEquals(List.of(), tts.source.calls(), "the handshake failed before any call");
  }

  @Test
  void aMissingSourceApplicationIsNamed() throws Exception {
    CliRun.Result result = CliRun.run(tts.environment(), "", "application", "--source", "ttnv3",
        "no-such-app", "--output", dir.resolve("devices.json").toString());
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("source: the API key has no rights on application"
        + " no-such-app: the application does not exist there"), result.stderr());
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void theTargetIsCheckedTheSameWay() throws Exception {
    Map<String, String> environment = tts.environment();
    environment.put("TARGET_APP_API_KEY", "NNSXS.WRONG-TARGET");
    assertRefused(environment, true, "target", "UNAUTHENTICATED", "--target.app-api-key");

    environment = tts.environment();
    environment.put("TARGET_APP_ID", "no-such-app");
    assertRefused(environment, true, "target", "create the application in the target first",
        "--target.app-api-key");

    environment = tts.environment();
    environment.remove("TARGET_CA_FILE");
    assertRefused(environment, true, "target", "UNAVAILABLE", "--target.ca-file");
  }

  @Test
  void aTargetKeyThatCannotWriteKeysIsRefused() throws Exception {
    try (TtsSimulator noKeys = TtsSimulator.builder().apiKey(TwoDeployments.TARGET_KEY)
        .tls(true).rights(Right.RIGHT_APPLICATION_DEVICES_READ,
            Right.RIGHT_APPLICATION_DEVICES_READ_KEYS, Right.RIGHT_APPLICATION_DEVICES_WRITE)
        .start()) {
      noKeys.addApplication(TwoDeployments.TARGET_APP);
      Map<String, String> environment = tts.environment();
      environment.put("TARGET_DEFAULT_GRPC_ADDRESS", noKeys.address());
      environment.put("TARGET_CA_FILE", noKeys.caFile().toString());
      assertRefused(environment, true, "target", "lacks APPLICATION_DEVICES_WRITE_KEYS (for"
          + " writing their keys) on application new-app", "--target.app-api-key");
      assertFalse(noKeys.calls().stream().anyMatch(CallInfo::isWrite));
    }
  }
}
