package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * A delete-source export killed with SIGKILL half-way, then run again: every device
 * ends up exactly once in the output, and none was deleted at the source before its
 * JSON was in the output.
 */
class CrashResumeTest {
  private static final int DEVICES = 300;

  @TempDir
  Path folder;

  @Test
  void killedDeleteSourceExportResumesExactlyOnce() throws Exception {
    Path output = folder.resolve("devices.json");
    try (TtsSimulator simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true)
        .latency(Duration.ofMillis(5)).start()) {
      for (EndDevice device : SampleDevices.application("my-app", DEVICES)) {
        simulator.put(device, SampleDevices.servers(device));
      }
      List<String> args = List.of("application", "--source", "ttnv3", "my-app",
          "--ttnv3.delete-source-device", "--output", output.toString());

      ProcessBuilder child = new ProcessBuilder(javaBinary(), "-cp",
          System.getProperty("java.class.path"), Main.class.getName());
      child.command().addAll(args);
      child.environment().putAll(CliRun.environment(simulator));
      child.redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile());
      Process process = child.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lineCount(output) < DEVICES / 3 && process.isAlive()
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(process.isAlive(), "the child finished before it could be killed: "
          + Files.readString(folder.resolve("child.log")));
      process.destroyForcibly().waitFor();

      Set<String> inOutputAtKill = completeLines(output);
      Set<String> deletedAtKill = new HashSet<>();
      for (CallInfo call : simulator.writes()) {
        if (call.method().equals("Delete")) {
          deletedAtKill.add(call.deviceId());
        }
      }
      assertTrue(inOutputAtKill.containsAll(deletedAtKill),
          "deleted without being in the output: " + minus(deletedAtKill, inOutputAtKill));

      CliRun.Result rerun = CliRun.run(CliRun.environment(simulator), "",
          args.toArray(String[]::new));

      assertEquals(ExitCodes.OK, rerun.exitCode(), rerun.toString());
      List<String> ids = Files.readAllLines(output).stream()
          .map(line -> TtsJson.instance().merge(line, EndDevice.newBuilder()).build()
              .getIds().getDeviceId())
          .toList();
      assertEquals(DEVICES, ids.size(), "every device once: " + ids.size() + " lines");
      assertEquals(DEVICES, new HashSet<>(ids).size());
      for (EndDevice device : SampleDevices.application("my-app", DEVICES)) {
        for (TtsServer server : TtsServer.values()) {
          assertTrue(simulator.stored(server, "my-app", device.getIds().getDeviceId()).isEmpty());
        }
      }
      System.err.printf("crash test: killed with %d devices in the output and %d deleted;"
          + " after the re-run %d devices in the output, %d distinct, all deleted at the source%n",
          inOutputAtKill.size(), deletedAtKill.size(), ids.size(), new HashSet<>(ids).size());
    }
  }

  @Test
  void sigtermStopsAfterTheDevicesInFlightAndExits130() throws Exception {
    Path output = folder.resolve("devices.json");
    try (TtsSimulator simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true)
        .latency(Duration.ofMillis(5)).start()) {
      for (EndDevice device : SampleDevices.application("my-app", DEVICES)) {
        simulator.put(device, SampleDevices.servers(device));
      }
      ProcessBuilder child = new ProcessBuilder(javaBinary(), "-cp",
          System.getProperty("java.class.path"), Main.class.getName(), "application", "--source",
          "ttnv3", "my-app", "--output", output.toString());
      child.environment().putAll(CliRun.environment(simulator));
      child.redirectErrorStream(true).redirectOutput(folder.resolve("child.log").toFile());
      Process process = child.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lineCount(output) < 20 && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stopped within 30 s");

      String log = Files.readString(folder.resolve("child.log"));
      assertEquals(ExitCodes.INTERRUPTED, process.exitValue(), log);
      assertTrue(log.contains("stopping after the devices in flight"), log);
      String written = Files.readString(output);
      assertTrue(written.endsWith("\n"), "no half line");
      long lines = lineCount(output);
      assertEquals(lines, simulator.writes().size(), "every written device was finished");
      assertTrue(lines < DEVICES, "stopped early: " + lines);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static long lineCount(Path file) throws Exception {
    if (!Files.exists(file)) {
      return 0;
    }
    return Files.readString(file).chars().filter(c -> c == '\n').count();
  }

  /** Device IDs of the whole lines in the file; a last line cut by the kill is not counted. */
  private static Set<String> completeLines(Path file) throws Exception {
    String text = Files.readString(file);
    Set<String> ids = new HashSet<>();
    int end = text.lastIndexOf('\n');
    if (end < 0) {
      return ids;
    }
    for (String line : text.substring(0, end).split("\n")) {
      ids.add(TtsJson.instance().merge(line, EndDevice.newBuilder()).build().getIds()
          .getDeviceId());
    }
    return ids;
  }

  private static Set<String> minus(Set<String> a, Set<String> b) {
    Set<String> rest = new HashSet<>(a);
    rest.removeAll(b);
    return rest;
  }

}
