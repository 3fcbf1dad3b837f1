package org.ttnlw.migrate.cli;

import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "ttn-lw-migrate", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Migrates LoRaWAN end devices, and the settings of their applications, into The Things"
            + " Stack: writes them to stdout as TTS JSON, one device per line, or creates them in"
            + " a target TTS application (migrate). Logs and progress go to stderr.",
        "",
        "From Community Edition to The Things Stack Cloud, an application at once:",
        "  export TTNV3_DEFAULT_GRPC_ADDRESS=eu1.cloud.thethings.network:8884",
        "  export TARGET_DEFAULT_GRPC_ADDRESS=eu1.cloud.thethings.industries:8884",
        "  export TTNV3_APP_API_KEY=NNSXS.... TARGET_APP_API_KEY=NNSXS....",
        "  ttn-lw-migrate migrate application --source ttnv3 my-app \\",
        "      --target.app-id new-app",
        "Step by step, with the keys' rights and a dry run first: docs/migration.md.",
        "",
        "  ttn-lw-migrate device --source ttnv3 my-device --ttnv3.no-session > out.json",
        "  ttn-lw-migrate ttnv3 device --app-id my-app < device_ids.txt > out.json",
        "  ttn-lw-migrate import --target.app-id new-app devices.json",
        "  ttn-lw-migrate application-settings --source ttnv3 my-app \\",
        "      --output my-app.settings.json",
        "  ttn-lw-migrate import-application-settings --target.app-id new-app \\",
        "      my-app.settings.json",
        "Each source's commands and flags: ttn-lw-migrate SOURCE --help (sources: `ttn-lw-migrate"
            + " sources`).",
        ""},
    footer = {"", "Exit codes: 0 done, 1 export stopped at a device (those before it are"
        + " complete), 2 bad flags or configuration, 3 some devices failed under"
        + " --continue-on-error, 130 interrupted (with a journal, --output or --state, the same command run again goes on where it stopped)."})
final class RootCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw missingCommand(spec);
  }

  /** "missing command: one of ..." naming every subcommand of {@code spec}, aliases left out. */
  static ParameterException missingCommand(CommandSpec spec) {
    String commands = spec.subcommands().values().stream().distinct()
        .map(command -> command.getCommandName()).collect(Collectors.joining(", "));
    return new ParameterException(spec.commandLine(), "missing command: one of " + commands);
  }
}
