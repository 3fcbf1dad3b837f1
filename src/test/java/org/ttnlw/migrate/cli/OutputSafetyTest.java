package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.pipeline.StdoutKind;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Where exported devices go when that place is no safe record: a pipe whose reader leaves early,
 * files others can read. Files the tool creates are readable by their owner only.
 */
class OutputSafetyTest {
  private static final int DEVICES = 40;
  private TtsSimulator simulator;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
    for (EndDevice device : SampleDevices.application("my-app", DEVICES - 1)) {
      simulator.put(device, SampleDevices.servers(device));
    }
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  /** A pipe whose reader takes {@code limit} bytes and goes: later writes fail as EPIPE does. */
  private static final class PipeClosedEarly extends OutputStream {
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final int limit;

    PipeClosedEarly(int limit) {
      this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
      if (received.size() + length > limit) {
        throw new IOException("Broken pipe");
      }
      received.write(bytes, offset, length);
    }

    @Override
    public String toString() {
      return received.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void aPipeClosedEarlyStopsTheDeletesAndNoDeviceIsDeletedThatTheReaderDidNotGet() {
    CliRun.Result result = CliRun.run(CliRun.environment(simulator), new PipeClosedEarly(12_000),
        StdoutKind.PIPE, "application", "--source", "ttnv3", "my-app",
        "--ttnv3.delete-source-device");

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    List<String> warnings = result.stderr().lines().filter(line -> line.contains("--output FILE"))
        .toList();
    assertEquals(1, warnings.size(), result.stderr());
    assertTrue(warnings.get(0).contains("stdout is a pipe") && warnings.get(0).contains(
        "`migrate`"), warnings.get(0));
    Set<String> received = result.devices().stream().map(d -> d.getIds().getDeviceId())
        .collect(Collectors.toSet());
    assertTrue(received.size() > 0 && received.size() < DEVICES, result.toString());
    Set<String> deleted = SampleDevices.application("my-app", DEVICES - 1).stream()
        .map(d -> d.getIds().getDeviceId())
        .filter(id -> simulator.stored(TtsServer.IDENTITY_SERVER, "my-app", id).isEmpty())
        .collect(Collectors.toSet());
    if (simulator.stored(TtsServer.IDENTITY_SERVER, "my-app", "my-device").isEmpty()) {
      deleted.add("my-device");
    }
    assertTrue(received.containsAll(deleted), "deleted " + deleted + ", received " + received);
    assertTrue(result.stderr().contains("stdout's reader has gone, so the run stopped before"
        + " changing any other device at the source: " + deleted.size() + " devices were changed"
        + " there (downlinks disabled 0, deleted " + deleted.size() + ")"), result.stderr());
  }

  @Test
  void everyFileTheExportCreatesIsReadableByItsOwnerOnly() throws Exception {
    Path output = folder.resolve("devices.json");

    CliRun.Result result = CliRun.run(CliRun.environment(simulator), "", "application",
        "--source", "ttnv3", "my-app", "--output", output.toString());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(Files.readString(output).contains("\"app_s_key\""), "the output holds keys");
    for (String name : List.of("devices.json", "devices.json.state", "devices.json.lock",
        "devices.json.state.lock")) {
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(folder.resolve(name))), name);
    }
    assertFalse(result.stderr().contains("others can read"), result.stderr());
  }

  @Test
  void keysGoingToAFileOthersCanReadAreSaidOnce() throws Exception {
    CliRun.Result toStdout = CliRun.run(CliRun.environment(simulator),
        new ByteArrayOutputStream(), StdoutKind.SHARED_FILE, "application", "--source", "ttnv3",
        "my-app");
    Path shared = Files.createFile(folder.resolve("shared.json"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
    CliRun.Result toOutput = CliRun.run(CliRun.environment(simulator), "", "application",
        "--source", "ttnv3", "my-app", "--output", shared.toString(), "--state",
        folder.resolve("shared.state").toString());

    assertEquals(ExitCodes.OK, toStdout.exitCode(), toStdout.toString());
    assertEquals(1, toStdout.stderr().lines().filter(line -> line.contains(
        "warning: stdout is a file that others can read, and the devices written to it hold"
            + " keys")).count(), toStdout.stderr());
    assertEquals(ExitCodes.OK, toOutput.exitCode(), toOutput.toString());
    assertEquals(1, toOutput.stderr().lines().filter(line -> line.contains(
        "warning: " + shared + " is a file that others can read")).count(), toOutput.stderr());
  }

  @Test
  void aPipeBeforeAStepThatCanBeUndoneOrATerminalIsNoWarning() {
    CliRun.Result disabling = CliRun.run(CliRun.environment(simulator),
        new ByteArrayOutputStream(), StdoutKind.PIPE, "application", "--source", "ttnv3",
        "my-app");
    CliRun.Result onTerminal = CliRun.run(CliRun.environment(simulator), "", "application",
        "--source", "ttnv3", "my-app", "--dry-run", "--ttnv3.delete-source-device");

    assertEquals(ExitCodes.OK, disabling.exitCode(), disabling.toString());
    assertFalse(disabling.stderr().contains("warning"), disabling.stderr());
    assertFalse(onTerminal.stderr().contains("--output FILE"), onTerminal.stderr());
  }

  @Test
  void stdoutKindTellsPipesFromFilesOthersCanRead() throws Exception {
    Path fifo = folder.resolve("fifo");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Path shared = Files.createFile(folder.resolve("shared"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
    Path mine = Files.createFile(folder.resolve("mine"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));

    assertEquals(StdoutKind.PIPE, StdoutKind.of(fifo));
    assertEquals(StdoutKind.SHARED_FILE, StdoutKind.of(shared));
    assertEquals(StdoutKind.OTHER, StdoutKind.of(mine));
    assertEquals(StdoutKind.OTHER, StdoutKind.of(Path.of("/dev/null")));
    assertEquals(StdoutKind.OTHER, StdoutKind.of(folder.resolve("missing")));
  }
}
