package org.ttnlw.migrate.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;

/**
 * The live progress line on a real terminal (a pty made by {@code script}) of 80 and 60 columns,
 * through {@code bin/ttn-lw-migrate}, replayed as the terminal shows it: no row but the last
 * changes, none reaches the last column; and a re-run over devices whose downlinks an earlier run
 * disabled says so in one line, with the devices in the report.
 */
class ProgressTerminalIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @AutoClose
  private final TwoDeployments tts = TwoDeployments.started(0);

  @TempDir
  Path folder;

  /** Devices an earlier run took out of service: mac_settings.schedule_downlinks = false. */
  private void putDevicesWithDownlinksOff(int count) {
    for (EndDevice device : SampleDevices.application("my-app", count)) {
      EndDevice.Builder off = device.toBuilder();
      off.getMacSettingsBuilder().setScheduleDownlinks(BoolValue.newBuilder().setValue(false));
      tts.source.put(off.build(), SampleDevices.servers(device));
    }
  }

  /** The launcher run on a terminal {@code columns} wide; its stdout is what the terminal got. */
  private PackagedTool.Result onTerminal(int columns, String... args) throws Exception {
    String launcher = PackagedTool.LAUNCHER + " " + List.of(args).stream()
        .map(arg -> "'" + arg + "'").collect(Collectors.joining(" "));
    Map<String, String> environment = tts.environment();
    environment.put("TERM", "xterm");
    return PackagedTool.run(List.of("script", "-q", "-e", "-c",
        "stty cols " + columns + " rows 24; exec " + launcher, "/dev/null"), folder,
        environment, "");
  }

  private static List<String> containing(List<String> rows, String text) {
    return rows.stream().filter(row -> row.contains(text)).toList();
  }

  @Test
  void at80ColumnsTheLineStaysOnOneRowAndAThousandNoticesAreOneLine() throws Exception {
    putDevicesWithDownlinksOff(1000);
    Path report = folder.resolve("report.json");

    PackagedTool.Result result = onTerminal(80, "application", "--source", "ttnv3", "my-app",
        "--output", "devices.json", "--report", report.toString());

    assertEquals(0, result.exitCode(), result.toString());
    TerminalScreen screen = TerminalScreen.replay(result.stdout(), 80);
    assertEquals(List.of(), screen.violations(), result.stdout());
    assertTrue(screen.erases() >= 3, "the live line was drawn: " + result.stdout());
    assertTrue(result.stdout().contains("exported ") && result.stdout().contains(" of 1001"),
        "the total is known from the start: " + result.stdout());
    List<String> rows = screen.rows();
    List<String> notices = containing(rows, "downlinks disabled at the source");
    assertEquals(1, notices.size(), String.join("\n", rows));
    assertTrue(notices.get(0).startsWith("ttn-lw-migrate: 1,000 devices had downlinks disabled"
        + " at the source"), String.join("\n", rows));
    assertTrue(containing(rows, "ttn-lw-migrate: exported 1001, downlinks disabled 1001")
        .size() == 1, String.join("\n", rows));
    System.out.println("ProgressTerminalIT figure: 80 columns, 1,001 devices (1,000 with"
        + " downlinks off): " + rows.size() + " rows on the terminal");

    JsonNode run = JSON.readTree(report.toFile()).get("runs").get(0);
    assertEquals(1001, run.get("counts").get("exported").asInt());
    assertEquals(1000, run.get("notices").get(0).get("count").asInt());
    assertEquals(1000, run.get("notices").get(0).get("items").size());
    assertEquals(1001, run.get("item_outcomes").size());
  }

  @Test
  void at60ColumnsTheBriefLineIsDrawnAndNoRowWraps() throws Exception {
    putDevicesWithDownlinksOff(300);

    PackagedTool.Result result = onTerminal(60, "application", "--source", "ttnv3", "my-app",
        "--output", "devices.json", "--concurrency", "1");

    assertEquals(0, result.exitCode(), result.toString());
    TerminalScreen screen = TerminalScreen.replay(result.stdout(), 60);
    assertEquals(List.of(), screen.violations(), result.stdout());
    assertTrue(screen.erases() >= 3, "the live line was drawn: " + result.stdout());
    assertTrue(result.stdout().contains("/301 failed 0"), "the brief form: " + result.stdout());
    List<String> summary = new ArrayList<>(containing(screen.rows(), "ttn-lw-migrate: "));
    assertEquals(2, summary.size(), String.join("\n", screen.rows()));
  }
}
