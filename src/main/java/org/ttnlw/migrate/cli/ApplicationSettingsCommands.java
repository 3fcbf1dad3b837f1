package org.ttnlw.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ttnlw.migrate.settings.ApplicationCreationOptions;
import org.ttnlw.migrate.source.SettingsPlugin;
import picocli.CommandLine;

/**
 * Builds {@code application-settings} (for the sources whose plugin has application settings) and
 * {@code import-application-settings} (for the target).
 */
final class ApplicationSettingsCommands {
  private final Cli.Wiring wiring;
  private final Map<String, BoundSource<?>> sources = new LinkedHashMap<>();

  /** @param sources every source; those without application settings are left out */
  ApplicationSettingsCommands(Cli.Wiring wiring, List<BoundSource<?>> sources) {
    this.wiring = wiring;
    for (BoundSource<?> bound : sources) {
      if (bound.plugin() instanceof SettingsPlugin<?>) {
        this.sources.put(bound.plugin().name(), bound);
        bound.plugin().aliases().forEach(alias -> this.sources.put(alias, bound));
      }
    }
  }

  /**
   * The export, if a source has application settings: with {@code --source} and {@code
   * --NAME.FLAG}s when {@code prefixed}, else with the one source's flags bare.
   */
  Optional<CommandLine> exportCommand(boolean prefixed) {
    if (sources.isEmpty()) {
      return Optional.empty();
    }
    ApplicationSettingsCommand command = new ApplicationSettingsCommand(wiring.global(),
        wiring.io(), sources);
    CommandLine line = Cli.withGlobals(new CommandLine(command), wiring.global());
    if (prefixed) {
      command.offerSourceOption(line.getCommandSpec());
    }
    sources.values().stream().distinct().forEach(bound ->
        bound.offerFlags(line.getCommandSpec(), prefixed, wiring.environment()));
    return Optional.of(line);
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
