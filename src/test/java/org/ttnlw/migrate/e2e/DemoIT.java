package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's demo prints exactly the tool's stdout: device JSON lines, no escape codes. */
class DemoIT {
  @Test
  void stdoutIsOnlyTheToolsDeviceJson() throws Exception {
    PackagedTool.Result result = PackagedTool.run(
        List.of(PackagedTool.PROJECT.resolve("demo.sh").toString(), "--no-build"),
        PackagedTool.PROJECT, Map.of(), "");

    assertEquals(0, result.exitCode(), result.toString());
    assertFalse(result.stdout().contains("\u001b"), result.toString());
    // my-device once (--ttnv3.no-session), then the whole application of 6 (--dry-run).
    assertEquals(7, result.devices().size(), result.toString());
  }
}
