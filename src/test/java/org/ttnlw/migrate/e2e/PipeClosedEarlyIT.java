package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * {@code ttn-lw-migrate ... --ttnv3.delete-source-device | head -c 30000}: the reader goes
 * early. The run warns before the first device, stops at the broken pipe, deletes no device
 * whose line it had not written, and names how many it deleted.
 */
class PipeClosedEarlyIT {
  private static final String KEY = "NNSXS.PIPE-CLOSED-EARLY-KEY";
  private static final int DEVICES = 300;

  @TempDir
  Path folder;

  @Test
  void theDeletesStopWhenTheReaderGoes() throws Exception {
    List<EndDevice> devices = SampleDevices.application("my-app", DEVICES);
    try (TtsSimulator source = TtsSimulator.builder().apiKey(KEY).tls(true).start()) {
      devices.forEach(device -> source.put(device, SampleDevices.servers(device)));

      PackagedTool.Result result = PackagedTool.run(List.of("sh", "-c",
          "{ '" + PackagedTool.LAUNCHER + "' application --source ttnv3 my-app"
              + " --ttnv3.delete-source-device; echo $? > code; } | head -c 30000 > received"),
          folder, Map.of("TTNV3_DEFAULT_GRPC_ADDRESS", source.address(), "TTNV3_APP_ID", "my-app",
              "TTNV3_APP_API_KEY", KEY, "TTNV3_CA_FILE", source.caFile().toString()), "");

      assertEquals("1", Files.readString(folder.resolve("code")).strip(), result.toString());
      String stderr = result.stderr();
      assertTrue(stderr.startsWith("ttn-lw-migrate: warning: stdout is a pipe, and each of the"
          + " devices is deleted at the source as soon as its line is in the pipe"), stderr);
      Matcher summary = Pattern.compile("stdout's reader has gone, so the run stopped before"
          + " changing any other device at the source: (\\d+) devices were changed there"
          + " \\(downlinks disabled 0, deleted (\\d+)\\)").matcher(stderr);
      assertTrue(summary.find(), stderr);
      Set<String> deleted = devices.stream().map(d -> d.getIds().getDeviceId())
          .filter(id -> source.stored(TtsServer.IDENTITY_SERVER, "my-app", id).isEmpty())
          .collect(Collectors.toSet());
      assertEquals(Integer.parseInt(summary.group(2)), deleted.size(), stderr);
      assertTrue(deleted.size() < DEVICES, "the run stopped: " + deleted.size());
      String received = Files.readString(folder.resolve("received"), StandardCharsets.UTF_8);
      String whole = received.substring(0, received.lastIndexOf('\n') + 1);
      Set<String> receivedWhole = PackagedTool.devicesIn(whole, "received").stream()
          .map(device -> device.getIds().getDeviceId()).collect(Collectors.toSet());
      assertTrue(deleted.containsAll(receivedWhole), "every device received was written first");
      // What a pipe cannot promise: lines still in the pipe when head left are lost.
      assertTrue(deleted.size() - receivedWhole.size() < DEVICES / 2,
          deleted.size() + " deleted, " + receivedWhole.size() + " received whole");
    }
  }
}
