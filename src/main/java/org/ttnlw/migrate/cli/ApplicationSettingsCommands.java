package org.ttnlw.migrate.cli;

import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.appsettings.ApplicationCreationOptions;
import org.ttnlw.migrate.source.tts.TtsOptions;
import picocli.CommandLine;

/**
 * Builds {@code application-settings} (for the ttnv3 source, the one whose settings move) and
 * {@code import-application-settings} (for the target).
 */
final class ApplicationSettingsCommands {
  private final Cli.Wiring wiring;
  private final List<BoundSource<?>> sources;

  ApplicationSettingsCommands(Cli.Wiring wiring, List<BoundSource<?>> sources) {
    this.wiring = wiring;
    this.sources = sources;
  }

  /**
   * The export, if one of the sources is TTS: with {@code --source} and {@code --ttnv3.FLAG}s
   * when {@code prefixed}, else with the source's flags bare.
   */
  Optional<CommandLine> exportCommand(boolean prefixed) {
    return sources.stream().filter(bound -> bound.options() instanceof TtsOptions).findFirst()
        .map(bound -> {
          ApplicationSettingsCommand command = new ApplicationSettingsCommand(wiring.global(),
              wiring.io(), (TtsOptions) bound.options());
          CommandLine line = Cli.withGlobals(new CommandLine(command), wiring.global());
          if (prefixed) {
            command.offerSourceOption(line.getCommandSpec());
          }
          bound.offerFlags(line.getCommandSpec(), prefixed, wiring.environment());
          return line;
        });
  }

  CommandLine importCommand() {
    ApplicationCreationOptions creation = new ApplicationCreationOptions();
    CommandLine line = Cli.withGlobals(new CommandLine(new ImportApplicationSettingsCommand(
        wiring.global(), wiring.io(), wiring.target(), creation)), wiring.global());
    wiring.offerTarget(line);
    PrefixedFlags.addTo(line.getCommandSpec(), creation, "--target.", List.of("TARGET_"),
        wiring.environment());
    return line;
  }
}
