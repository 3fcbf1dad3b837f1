package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/** {@code undo} of a TTS to TTS migration, in-process: the finer cases. */
class UndoTest {
  private static final List<String> SOURCE_IDS = List.of("my-device", "device-00001",
      "device-00002", "device-00003", "device-00004", "device-00005");

  private TwoDeployments tts;
  private Path state;

  @TempDir
  Path folder;

  @BeforeEach
  void start() throws Exception {
    tts = new TwoDeployments(5);
    state = folder.resolve("migrated.state");
  }

  @AfterEach
  void stop() {
    tts.close();
  }

  /** Every server's copy of every device of an application, without the time of its last change. */
  static Map<String, Optional<EndDevice>> snapshot(TtsSimulator simulator, String app,
      List<String> ids) {
    Map<String, Optional<EndDevice>> all = new LinkedHashMap<>();
    for (String id : ids) {
      for (TtsServer server : TtsServer.values()) {
        all.put(server.shortName() + " " + id, simulator.stored(server, app, id)
            .map(device -> device.toBuilder().clearUpdatedAt().build()));
      }
    }
    return all;
  }

  private CliRun.Result migrate(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("migrate", "application", "--source",
        "ttnv3", "my-app", "--state", state.toString()));
    args.addAll(List.of(more));
    return tts.run(args.toArray(String[]::new));
  }

  private CliRun.Result undo(String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("undo", "--source", "ttnv3",
        "--state", state.toString()));
    args.addAll(List.of(more));
    return tts.run(args.toArray(String[]::new));
  }

  @Test
  void undoPutsTargetAndSourceBackAsTheyWere() {
    EndDevice before = SampleDevices.abp(TwoDeployments.TARGET_APP, "there-before", 40);
    tts.target.put(before, SampleDevices.servers(before));
    Map<String, Optional<EndDevice>> source = snapshot(tts.source, "my-app", SOURCE_IDS);
    Map<String, Optional<EndDevice>> target = snapshot(tts.target, TwoDeployments.TARGET_APP,
        List.of("there-before"));
    assertEquals(ExitCodes.OK, migrate().exitCode());

    CliRun.Result result = undo();

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("undone 6, left alone 0, failed 0"), result.stderr());
    assertTrue(result.stdout().contains("my-app/device-00001: deleted from the target"
        + " (new-app/device-00001); restored at the source"), result.stdout());
    assertEquals(source, snapshot(tts.source, "my-app", SOURCE_IDS));
    assertEquals(target, snapshot(tts.target, TwoDeployments.TARGET_APP, List.of("there-before")));
    SOURCE_IDS.forEach(id -> assertFalse(tts.anywhereInTarget(id), id));
  }
}
