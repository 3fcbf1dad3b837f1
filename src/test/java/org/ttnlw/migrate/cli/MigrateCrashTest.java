package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * {@code kill -9} of a migration while a device is half-created in the target (IS created, NS
 * not yet set), then the same command again: every device ends up in the target once, whole,
 * and disabled at the source; the output holds each once.
 */
class MigrateCrashTest {
  private static final int DEVICES = 40;

  @TempDir
  Path folder;

  @Test
  void killedMidCreateResumesAndFinishesTheHalfCreatedDevice() throws Exception {
    Path output = folder.resolve("migrated.json");
    try (TwoDeployments tts = new TwoDeployments(DEVICES - 1)) {
      List<String> args = List.of("migrate", "application", "--source", "ttnv3", "my-app",
          "--output", output.toString(), "--concurrency", "4");
      AtomicInteger nsSets = new AtomicInteger();
      AtomicReference<String> halfCreated = new AtomicReference<>();
      tts.runKilledAt(folder.resolve("child.log"), args, call -> {
        if (call.server() == TtsServer.NETWORK_SERVER && call.method().equals("Set")
            && nsSets.incrementAndGet() == DEVICES / 2) {
          halfCreated.set(call.deviceId());
          return true;
        }
        return false;
      });
      assertTrue(halfCreated.get() != null, Files.readString(folder.resolve("child.log")));
      assertTrue(tts.target.stored(TtsServer.IDENTITY_SERVER, TwoDeployments.TARGET_APP,
          halfCreated.get()).isPresent(), "half-created: on the IS");
      assertFalse(tts.target.stored(TtsServer.NETWORK_SERVER, TwoDeployments.TARGET_APP,
          halfCreated.get()).isPresent(), "half-created: not on the NS");
      Set<String> disabledAtKill = new HashSet<>();
      for (CallInfo write : tts.source.writes()) {
        disabledAtKill.add(write.deviceId());
      }
      assertFalse(disabledAtKill.contains(halfCreated.get()), "not touched at the source");

      CliRun.Result rerun = tts.run(args.toArray(String[]::new));

      assertEquals(ExitCodes.OK, rerun.exitCode(), rerun.toString());
      List<String> ids = Files.readAllLines(output).stream()
          .map(line -> TtsJson.instance().merge(line, EndDevice.newBuilder()).build()
              .getIds().getDeviceId())
          .toList();
      assertEquals(DEVICES, ids.size(), "every device once in the output");
      assertEquals(DEVICES, new HashSet<>(ids).size());
      for (String id : ids) {
        tts.inTarget(TtsServer.IDENTITY_SERVER, id);
        tts.inTarget(TtsServer.NETWORK_SERVER, id);
        tts.inTarget(TtsServer.APPLICATION_SERVER, id);
        assertFalse(tts.source.stored(TtsServer.NETWORK_SERVER, "my-app", id).orElseThrow()
            .getMacSettings().getScheduleDownlinks().getValue(), id + " disabled at the source");
      }
      long creates = tts.target.writes().stream().filter(c -> c.method().equals("Create"))
          .count();
      assertEquals(DEVICES, creates, "each device created once, over both runs");
      System.err.printf("migrate crash test: killed at NS Set of %s with %d devices disabled"
          + " at the source; after the re-run %d in the output and the target, %d Creates%n",
          halfCreated.get(), disabledAtKill.size(), ids.size(), creates);
    }
  }
}
