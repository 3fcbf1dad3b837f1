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
            + " Stack.",
        "Reads devices from a source network server and writes them to stdout as TTS JSON,"
            + " one device per line, for `ttn-lw-cli end-devices create` or the Console's"
            + " import. Logs and progress go to stderr.",
        "",
        "  ttn-lw-migrate device --source ttnv3 my-device --ttnv3.no-session > out.json",
        "  ttn-lw-migrate application --source ttnv3 my-app > devices.json",
        "  ttn-lw-migrate ttnv3 device --app-id my-app < device_ids.txt > out.json",
        "  ttn-lw-migrate migrate application --source ttnv3 my-app \\",
        "      --target.app-id new-app",
        "  ttn-lw-migrate import --target.app-id new-app devices.json",
        "  ttn-lw-migrate application-settings --source ttnv3 my-app \\",
        "      --output my-app.settings.json",
        "  ttn-lw-migrate import-application-settings --target.app-id new-app \\",
        "      my-app.settings.json",
        "  ttn-lw-migrate undo --source ttnv3 --target.app-id new-app \\",
        "      --output migrated.json",
        ""},
    footer = {"", "Exit codes: 0 done, 1 export stopped at a device (those before it are"
        + " complete), 2 bad flags or configuration, 3 some devices failed under"
        + " --continue-on-error, 130 interrupted (run the same command again to resume)."})
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
