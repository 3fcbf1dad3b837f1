package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.Fault;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/** --output with its run journal, --continue-on-error and interrupts. */
class ResumeTest {
  private static final int DEVICES = 30;
  @TempDir
  Path folder;
  private TtsSimulator simulator;
  private Path output;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true).start();
    for (EndDevice device : SampleDevices.application("my-app", DEVICES)) {
      simulator.put(device, SampleDevices.servers(device));
    }
    output = folder.resolve("devices.json");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private CliRun.Result export(StopSignal stop, String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("application", "--source", "ttnv3",
        "my-app", "--output", output.toString(), "--concurrency", "4"));
    args.addAll(List.of(extra));
    return CliRun.run(CliRun.environment(simulator), "", stop, args.toArray(String[]::new));
  }

  private List<String> outputIds() throws IOException {
    return Files.readAllLines(output).stream()
        .map(line -> TtsJson.instance().merge(line, EndDevice.newBuilder()).build())
        .map(d -> d.getIds().getDeviceId())
        .toList();
  }

  private static List<String> allIds() {
    return SampleDevices.application("my-app", DEVICES).stream()
        .map(d -> d.getIds().getDeviceId()).toList();
  }

  private long setsFor(String deviceId) {
    return simulator.writes().stream()
        .filter(c -> c.method().equals("Set") && c.deviceId().equals(deviceId)).count();
  }

  @Test
  void interruptedRunResumesWithoutWritingAnyDeviceTwice() throws IOException {
    StopSignal stop = new StopSignal();
    simulator.faults(call -> {
      if (call.method().equals("Set") && call.deviceId().equals("device-00010")) {
        stop.request();
      }
      return Optional.empty();
    });

    CliRun.Result first = export(stop);

    assertEquals(ExitCodes.INTERRUPTED, first.exitCode(), first.toString());
    assertTrue(first.stderr().contains("(interrupted)"), first.stderr());
    int writtenFirst = outputIds().size();
    assertTrue(writtenFirst >= 10 && writtenFirst < DEVICES, "written: " + writtenFirst);

    simulator.faults(call -> Optional.empty());
    CliRun.Result second = export(new StopSignal());

    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    assertEquals(allIds(), outputIds());
    assertTrue(second.stderr().contains("skipped " + writtenFirst), second.stderr());
    for (String id : allIds()) {
      assertEquals(1, setsFor(id), id + ": downlinks disabled once");
    }
  }

  @Test
  void continueOnErrorListsFailedDevicesAndAReRunFinishesThem() throws IOException {
    simulator.faults(call -> call.deviceId().equals("device-00003")
        && call.server() == TtsServer.NETWORK_SERVER && call.method().equals("Get")
        ? Optional.of(Fault.of(Status.FAILED_PRECONDITION.withDescription("refused")))
        : Optional.empty());

    CliRun.Result first = export(new StopSignal(), "--continue-on-error");

    assertEquals(ExitCodes.SOME_FAILED, first.exitCode(), first.toString());
    assertTrue(first.stderr().contains("\n  device my-app/device-00003: NS Get"),
        first.stderr());
    assertEquals(DEVICES - 1, outputIds().size());
    assertEquals(0, setsFor("device-00003"), "a device that was not exported is not touched");

    simulator.faults(call -> Optional.empty());
    CliRun.Result second = export(new StopSignal(), "--continue-on-error");

    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    assertEquals(DEVICES, outputIds().size());
    assertEquals("device-00003", outputIds().get(DEVICES - 1));
    assertEquals(DEVICES, outputIds().stream().distinct().count());
  }

  @Test
  void withoutContinueOnErrorTheRunStopsAndTheReRunCarriesOn() throws IOException {
    simulator.faults(call -> call.deviceId().equals("device-00012") && call.method().equals("Get")
        ? Optional.of(Fault.of(Status.PERMISSION_DENIED)) : Optional.empty());

    CliRun.Result first = export(new StopSignal());

    assertEquals(ExitCodes.EXPORT_FAILED, first.exitCode(), first.toString());
    assertEquals(allIds().subList(0, 11), outputIds());

    simulator.faults(call -> Optional.empty());
    assertEquals(ExitCodes.OK, export(new StopSignal()).exitCode());
    assertEquals(allIds(), outputIds());
  }

  @Test
  void deleteAfterImportReRunDeletesWithoutExportingAgain() throws IOException {
    assertEquals(ExitCodes.OK, export(new StopSignal()).exitCode());
    String exported = Files.readString(output);
    simulator.clearCalls();

    CliRun.Result delete = export(new StopSignal(), "--ttnv3.delete-source-device");

    assertEquals(ExitCodes.OK, delete.exitCode(), delete.toString());
    assertEquals(exported, Files.readString(output), "nothing written twice");
    assertTrue(simulator.calls().stream().noneMatch(c -> c.method().equals("Get")),
        "devices already exported are not read again");
    for (String id : allIds()) {
      for (TtsServer server : TtsServer.values()) {
        assertTrue(simulator.stored(server, "my-app", id).isEmpty(), id + " on " + server);
      }
    }
    assertTrue(delete.stderr().contains("deleted " + DEVICES), delete.stderr());

    CliRun.Result again = export(new StopSignal(), "--ttnv3.delete-source-device");
    assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
    assertTrue(again.stderr().contains("exported 0, downlinks disabled 0, deleted 0"),
        again.stderr());
  }

  @Test
  void halfALineLeftByACrashIsCutOffAndTheDeviceWrittenAgain() throws IOException {
    StopSignal stop = new StopSignal();
    simulator.faults(call -> {
      if (call.method().equals("Set") && call.deviceId().equals("device-00005")) {
        stop.request();
      }
      return Optional.empty();
    });
    export(stop);
    Files.writeString(output, "{\"ids\":{\"device_id\":\"device-000", StandardOpenOption.APPEND);
    simulator.faults(call -> Optional.empty());

    CliRun.Result second = export(new StopSignal());

    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    assertTrue(second.stderr().contains("removing 31 bytes after the last recorded device"),
        second.stderr());
    assertEquals(allIds(), outputIds());
  }

  @Test
  void existingOutputWithoutJournalIsRefused() throws IOException {
    Files.writeString(output, "{}\n");

    CliRun.Result result = export(new StopSignal());

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("already holds devices"), result.stderr());
    assertEquals(List.of("ListRights"), simulator.calls().stream().map(CallInfo::method).toList(),
        "only the pre-flight");
  }

  @Test
  void outputInAMissingFolderIsAUsageError() {
    output = folder.resolve("missing/devices.json");
    CliRun.Result result = export(new StopSignal());
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("its folder does not exist"), result.stderr());
  }

  @Test
  void malformedDeviceFromTheServerIsNamedAndNothingOfItIsWritten() throws IOException {
    EndDevice bad = SampleDevices.otaaNotJoined("my-app", "bad-device", 99).toBuilder()
        .setIds(SampleDevices.otaaNotJoined("my-app", "bad-device", 99).getIds().toBuilder()
            .setDevEui(ByteString.copyFrom(new byte[] {1, 2, 3})))
        .build();
    simulator.put(bad);

    CliRun.Result result = CliRun.run(CliRun.environment(simulator), "", new StopSignal(),
        "device", "--source", "ttnv3", "device-00001", "bad-device", "device-00002",
        "--continue-on-error");

    assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("device my-app/bad-device cannot be written as TTS JSON"),
        result.stderr());
    assertEquals(List.of("device-00001", "device-00002"),
        result.devices().stream().map(d -> d.getIds().getDeviceId()).toList());
    assertTrue(simulator.writes().stream().map(CallInfo::deviceId)
        .noneMatch("bad-device"::equals));
  }

  @Test
  void journalLinesAreReadable() throws IOException {
    export(new StopSignal());
    List<String> journal = Files.readAllLines(Path.of(output + ".state"), StandardCharsets.UTF_8);
    assertEquals("# ttn-lw-migrate run journal v1", journal.get(0));
    assertTrue(journal.get(1).startsWith("exported\tmy-app\tdevice-00001\t"), journal.get(1));
    assertTrue(journal.contains("disabled\tmy-app\tdevice-00030"), journal.toString());
  }

  @Test
  void aSourceChangeIsRecordedAsSoonAsItCompletesWhateverTheOutputOrder() throws IOException {
    simulator.faults(call -> {
      if (call.method().equals("Set") && call.deviceId().equals("device-00001")) {
        sleep(1500);
      }
      return Optional.empty();
    });

    CliRun.Result result = export(new StopSignal());

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    List<String> journal = Files.readAllLines(Path.of(output + ".state"), StandardCharsets.UTF_8);
    int first = journal.indexOf("disabled\tmy-app\tdevice-00001");
    int second = journal.indexOf("disabled\tmy-app\tdevice-00002");
    assertTrue(second >= 0 && second < first, "device-00002's change is recorded before"
        + " device-00001's, which took longer: " + journal);
  }

  @Test
  void aReRunCountsEachDeviceOnce() throws IOException {
    simulator.faults(call -> call.method().equals("Set") && call.deviceId().equals("device-00005")
        ? Optional.of(Fault.of(Status.FAILED_PRECONDITION.withDescription("refused")))
        : Optional.empty());
    CliRun.Result first = export(new StopSignal(), "--continue-on-error");
    assertEquals(ExitCodes.SOME_FAILED, first.exitCode(), first.toString());
    assertTrue(first.stderr().contains("exported " + DEVICES + ", downlinks disabled "
        + (DEVICES - 1) + ", deleted 0, skipped 0, failed 1"), first.stderr());

    simulator.faults(call -> Optional.empty());
    CliRun.Result second = export(new StopSignal());

    assertEquals(ExitCodes.OK, second.exitCode(), second.toString());
    assertTrue(second.stderr().contains("exported 0, finished 1 exported by an earlier run,"
        + " downlinks disabled 1, deleted 0, skipped " + (DEVICES - 1) + ", failed 0"),
        second.stderr());
    assertEquals(allIds(), outputIds());
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
