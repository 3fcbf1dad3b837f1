package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/** Both command forms, aliases, stdin, help and usage errors; always with --dry-run. */
class CommandLineTest {
  private static TtsSimulator simulator;

  @BeforeAll
  static void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(CliRun.API_KEY).tls(true).start();
    for (EndDevice device : SampleDevices.application("my-app", 3)) {
      simulator.put(device, SampleDevices.servers(device));
    }
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 9));
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  private static List<String> ids(CliRun.Result result) {
    return result.devices().stream().map(d -> d.getIds().getDeviceId()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"device", "devices", "end-device", "end-devices", "dev"})
  void deviceAliases(String command) {
    CliRun.Result result = CliRun.run(simulator, command, "--source", "ttnv3", "my-device",
        "--dry-run");
    assertEquals(List.of("my-device"), ids(result), result.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ttnv3", "tts"})
  void perSourceFormTakesFlagsWithoutPrefix(String source) {
    Map<String, String> environment = CliRun.environment(simulator);
    environment.remove("TTNV3_APP_ID");
    CliRun.Result result = CliRun.run(environment, "", source, "device", "--app-id", "my-app",
        "my-device", "--dry-run");
    assertEquals(List.of("my-device"), ids(result), result.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"application", "applications", "app"})
  void applicationAliasesInBothForms(String command) {
    assertEquals(4, CliRun.run(simulator, command, "--source", "ttnv3", "my-app", "--dry-run")
        .devices().size());
    assertEquals(4, CliRun.run(simulator, "ttnv3", command, "my-app", "--dry-run")
        .devices().size());
  }

  @Test
  void globalFlagsGoBeforeOrAfterTheCommand() {
    simulator.clearCalls();
    CliRun.Result before = CliRun.run(simulator, "--dry-run", "device", "--source", "ttnv3",
        "my-device");
    CliRun.Result after = CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
        "--dry-run");
    assertEquals(before.stdout(), after.stdout());
    assertEquals(List.of(), simulator.writes());
  }

  @Test
  void idsFromStdinWithCrlfSpacesAndBlankLines() {
    CliRun.Result result = CliRun.run(CliRun.environment(simulator),
        "device-00002\r\n\r\n  my-device  \r\n\n device-00001\r\n",
        "device", "--source", "ttnv3", "--dry-run");
    assertEquals(List.of("device-00002", "my-device", "device-00001"), ids(result),
        result.toString());
  }

  @Test
  void invalidIdArgumentIsAUsageErrorBeforeAnyCall() {
    simulator.clearCalls();
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "My_Device",
        "--dry-run");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("\"My_Device\" is not a valid device ID"), result.stderr());
    assertEquals(List.of(), simulator.calls());
  }

  @Test
  void unknownFlagIsAUsageError() {
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "ttnv3", "--ttnv3.nope",
        "my-device");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("Unknown option: '--ttnv3.nope'"), result.stderr());
    assertTrue(result.stderr().contains("ttn-lw-migrate device --help"), result.stderr());
  }

  @Test
  void unknownSourceIsAUsageError() {
    CliRun.Result result = CliRun.run(simulator, "device", "--source", "nosuchserver", "my-device");
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("unknown source \"nosuchserver\""), result.stderr());
  }

  @Test
  void helpExplainsFlagsAndTheirEnvironment() {
    CliRun.Result result = CliRun.run(Map.of(), "", "device", "--source", "ttnv3", "--help");
    assertEquals(ExitCodes.OK, result.exitCode());
    assertTrue(result.stdout().contains("--ttnv3.no-session"), result.stdout());
    assertTrue(result.stdout().contains("TTNV3_APP_API_KEY or TTS_APP_API_KEY"), result.stdout());
    assertTrue(result.stdout().contains("resets_f_cnt"), result.stdout());

    CliRun.Result perSource = CliRun.run(Map.of(), "", "ttnv3", "application", "--help");
    assertTrue(perSource.stdout().contains("--app-api-key=KEY"), perSource.stdout());
  }

  @Test
  void sourcesAndVersion() {
    assertTrue(CliRun.run(Map.of(), "", "sources").stdout().startsWith("ttnv3 (alias tts): "));
    assertTrue(CliRun.run(Map.of(), "", "version").stdout().startsWith("ttn-lw-migrate "));
    assertTrue(CliRun.run(Map.of(), "", "--version").stdout().startsWith("ttn-lw-migrate "));
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(ExitCodes.USAGE, CliRun.run(Map.of(), "").exitCode());
  }

  @Test
  void missingCommandAndUsageNameTheSettingsCommands() {
    CliRun.Result root = CliRun.run(Map.of(), "");
    assertTrue(root.stderr().contains("missing command: one of device, application, list,"
        + " gateway, migrate, import, import-gateways, application-settings,"
        + " import-application-settings, undo, sources"), root.stderr());
    String usage = CliRun.run(Map.of(), "", "--help").stdout();
    assertTrue(usage.contains("ttn-lw-migrate application-settings --source ttnv3 my-app"), usage);
    assertTrue(usage.contains("ttn-lw-migrate import-application-settings --target.app-id"),
        usage);
    for (String source : List.of("ttnv3", "chirpstack")) {
      CliRun.Result group = CliRun.run(Map.of(), "", source);
      assertEquals(ExitCodes.USAGE, group.exitCode());
      assertTrue(group.stderr().contains("missing command: one of device, application, "),
          group.stderr());
      assertTrue(group.stderr().contains(" migrate, application-settings"), group.stderr());
    }
    CliRun.Result firefly = CliRun.run(Map.of(), "", "firefly");
    assertTrue(firefly.stderr().contains("missing command: one of device, application, list,"
        + " migrate"),
        firefly.stderr());
    assertFalse(firefly.stderr().contains("application-settings"), firefly.stderr());
  }

  @Test
  void helpNeverBreaksAFlagOrAPathAcrossLines() {
    picocli.CommandLine root = commandTree();
    java.util.Set<String> flags = new java.util.HashSet<>();
    names(root, flags);
    List<String> broken = new java.util.ArrayList<>();
    walk(root, flags, broken);
    assertEquals(List.of(), broken);
  }

  @Test
  void everyFlagThatTakesAKeySaysThatOthersSeeItInPs() {
    picocli.CommandLine root = commandTree();
    java.util.Set<String> keyFlags = new java.util.TreeSet<>();
    java.util.Set<String> silent = new java.util.TreeSet<>();
    keyFlags(root, keyFlags, silent);

    assertTrue(keyFlags.containsAll(List.of("--ttnv3.app-api-key", "--target.app-api-key",
        "--target.gateway-api-key", "--chirpstack.api-key", "--firefly.api-key", "--api-key")),
        keyFlags.toString());
    assertEquals(java.util.Set.of(), silent);
    String help = CliRun.run(Map.of(), "", "migrate", "application", "--help").stdout()
        .replaceAll("\\s+", " ");
    assertTrue(help.contains("see a flag's value in `ps`: prefer the -file flag or the"),
        help);
  }

  /** Flags whose name ends in key, token or secret and that take a value. */
  private static void keyFlags(picocli.CommandLine line, java.util.Set<String> keyFlags,
      java.util.Set<String> silent) {
    for (picocli.CommandLine.Model.OptionSpec option : line.getCommandSpec().options()) {
      String name = option.longestName();
      if (name.matches(".*(key|token|secret)") && option.arity().max() > 0) {
        keyFlags.add(name);
        if (!String.join(" ", option.description()).contains("`ps`")) {
          silent.add(name);
        }
      }
    }
    line.getSubcommands().values().stream().distinct()
        .forEach(sub -> keyFlags(sub, keyFlags, silent));
  }

  private static picocli.CommandLine commandTree() {
    return Cli.whole(new Io(Map.of(), java.io.InputStream.nullInputStream(),
        java.io.OutputStream.nullOutputStream(), System.err,
        new org.ttnlw.migrate.core.StopSignal()));
  }

  private static void names(picocli.CommandLine line, java.util.Set<String> flags) {
    line.getCommandSpec().options().forEach(option -> flags.addAll(List.of(option.names())));
    line.getSubcommands().values().stream().distinct().forEach(sub -> names(sub, flags));
  }

  /**
   * Lines that end inside a flag ({@code --target.} then {@code app-id}) or a file name
   * ({@code docs/gateways.} then {@code md}).
   */
  private static void walk(picocli.CommandLine line, java.util.Set<String> flags,
      List<String> broken) {
    String[] lines = line.getUsageMessage().split("\n");
    java.util.regex.Pattern flagEnd = java.util.regex.Pattern.compile("(--[a-z0-9-]+\\.)$");
    java.util.regex.Pattern pathEnd = java.util.regex.Pattern.compile("[a-z]+/[a-z-]+\\.$");
    for (int i = 0; i + 1 < lines.length; i++) {
      String end = lines[i].strip();
      String next = lines[i + 1].strip().split("[\\s,.;:)`'\"]", 2)[0];
      java.util.regex.Matcher flag = flagEnd.matcher(end);
      if (flag.find() && flags.contains(flag.group(1) + next)
          || pathEnd.matcher(end).find() && next.matches("md|json|sh|txt")) {
        broken.add(line.getCommandSpec().qualifiedName() + ": " + end + " | " + next);
      }
    }
    line.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, flags, broken));
  }
}
