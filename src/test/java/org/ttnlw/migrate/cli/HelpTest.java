package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** What each command's help shows: its own flags, grouped, within a length an operator reads. */
class HelpTest {

  private static String help(String commandLine) {
    List<String> args = new ArrayList<>(List.of(commandLine.split(" ")));
    args.removeIf(String::isEmpty);
    args.add("--help");
    CliRun.Result result = CliRun.run(Map.of(), "", args.toArray(String[]::new));
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    return result.stdout();
  }

  /**
   * Upper bounds of the help's lines; before the grouped, per-source help: 144, 372, 506 (the
   * selection flags, --quiet and --report came after).
   */
  @ParameterizedTest
  @CsvSource({
      "'', 96",
      "device, 90",
      "application, 90",
      "migrate device, 160",
      "migrate application, 170",
      "device --source ttnv3, 155",
      "ttnv3 device, 150",
      "device --source awsiot, 130",
      "migrate application --source ttnv3, 316",
      "gateway --source ttnv3, 165"})
  void helpFitsItsBound(String commandLine, int maxLines) {
    long lines = help(commandLine).lines().count();
    assertTrue(lines <= maxLines, commandLine + ": " + lines + " lines");
  }

  @Test
  void rootHelpAnswersHowToMoveFromCommunityEditionToCloud() {
    List<String> lines = help("").lines().toList();
    String top = String.join("\n", lines.subList(0, 14));
    assertTrue(top.contains("From Community Edition to The Things Stack Cloud"), top);
    assertTrue(top.contains("ttn-lw-migrate migrate application --source ttnv3 my-app"), top);
    assertTrue(top.contains("docs/migration.md"), top);
    assertFalse(String.join("\n", lines).contains("--concurrency"), "run flags are commands'");
  }

  @Test
  void withoutSourceTheGenericFormPointsToEachSourcesHelp() {
    String device = help("device");
    assertTrue(device.contains("Required:\n      --source=NAME"), device);
    assertTrue(device.contains("ttn-lw-migrate SOURCE device --help"), device);
    assertTrue(device.contains("ttn-lw-migrate device --source SOURCE --help"), device);
    assertTrue(device.contains("Sources: ttnv3 (alias tts), chirpstack, firefly"), device);
    assertFalse(device.contains("--ttnv3."), device);

    String migrate = help("migrate application");
    assertTrue(migrate.contains("ttn-lw-migrate SOURCE migrate application --help"), migrate);
    assertFalse(migrate.contains("--with-gateways"), migrate);
  }

  @Test
  void withSourceOnlyThatSourcesFlagsUnderTheirHeading() {
    String device = help("device --source ttnv3");
    assertTrue(device.contains("Source ttnv3:\n      --ttnv3.app-api-key"), device);
    assertTrue(device.indexOf("Required:") < device.indexOf("Source ttnv3:"), device);
    assertTrue(device.indexOf("Source ttnv3:") < device.indexOf("The run:"), device);
    for (String foreign : List.of("--chirpstack.", "--firefly.", "--tts.", "--target.")) {
      assertFalse(device.contains(foreign), foreign + " in\n" + device);
    }
    assertEquals(device, help("device --source tts"));
  }

  /** A command shows the selection flags it accepts, and only those. */
  @Test
  void eachCommandShowsTheSelectionFlagsItAccepts() {
    for (String command : List.of("device --source ttnv3", "ttnv3 device",
        "migrate device --source chirpstack")) {
      String help = help(command);
      assertFalse(help.contains("--select"), command + ":\n" + help);
      assertTrue(help.contains("--ids-file") && help.contains("--limit"), command + ":\n" + help);
    }
    for (String command : List.of("application --source ttnv3", "list --source chirpstack",
        "migrate application --source ttnv3", "import")) {
      String help = help(command);
      for (String flag : List.of("--select", "--ids-file", "--limit")) {
        assertTrue(help.contains(flag), flag + " in " + command + ":\n" + help);
      }
    }
  }

  @Test
  void deviceCommandsShowNoGatewayFlags() {
    for (String command : List.of("device --source ttnv3", "ttnv3 device",
        "migrate device --source ttnv3", "device --source chirpstack",
        "migrate application --source firefly")) {
      String help = help(command);
      for (String flag : List.of("gateway-api-key", "delete-source-gateway", "with-secrets",
          "gateway-id-template", "tenant-id", "--with-gateways", "--takeover")) {
        assertFalse(help.contains(flag), flag + " in " + command + ":\n" + help);
      }
    }
    String withGateways = help("migrate application --source ttnv3");
    assertTrue(withGateways.contains("--with-gateways"), withGateways);
    assertTrue(withGateways.contains("Gateway hand-over:"), withGateways);
    assertTrue(help("gateway --source ttnv3").contains("--ttnv3.gateway-api-key"));
  }

  /** Every command's help, and a run, print nothing of picocli's own (warnings, traces). */
  @Test
  void noCommandPrintsPicocliMessages() {
    List<String> paths = new ArrayList<>();
    commands(Cli.whole(new Io(Map.of(), java.io.InputStream.nullInputStream(),
        java.io.OutputStream.nullOutputStream(), System.err,
        new org.ttnlw.migrate.core.StopSignal())), "", paths);
    assertTrue(paths.size() > 30, paths.toString());
    for (String path : paths) {
      for (String commandLine : List.of(path, path + " --source ttnv3")) {
        List<String> args = new ArrayList<>(List.of(commandLine.strip().split(" ")));
        args.add("--help");
        CliRun.Result result = CliRun.run(Map.of(), "", args.toArray(String[]::new));
        assertFalse(result.stdout().contains("[picocli") || result.stderr().contains("[picocli"),
            commandLine + "\n" + result);
      }
    }
    CliRun.Result run = CliRun.run(Map.of(), "", "migrate", "application", "--source", "ttnv3",
        "--with-gateways", "gw-1", "--dry-run", "my-app");
    assertFalse(run.stderr().contains("[picocli"), run.toString());
  }

  private static void commands(CommandLine line, String path, List<String> paths) {
    line.getSubcommands().values().stream().distinct().forEach(sub -> {
      String subPath = path + " " + sub.getCommandName();
      paths.add(subPath);
      commands(sub, subPath, paths);
    });
  }
}
