package org.ttnlw.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
   * Adds the export to {@code parent}, if a source has application settings, with the source
   * flags {@code offerSource} gives.
   */
  void addExport(CommandLine parent, Cli.SourceOffer offerSource) {
    if (sources.isEmpty()) {
      return;
    }
    LazyCommands.add(parent, ApplicationSettingsCommand.class, () -> {
      CommandLine line = Cli.withGlobals(new CommandLine(new ApplicationSettingsCommand(
          wiring.global(), wiring.io(), sources)), wiring.global());
      offerSource.offer(line, sources, PrefixedFlags.Scope.DEVICES);
      return line;
    });
  }

  CommandLine importCommand() {
    ApplicationCreationOptions creation = new ApplicationCreationOptions();
    CommandLine line = Cli.withGlobals(new CommandLine(new ImportApplicationSettingsCommand(
        wiring.global(), wiring.io(), wiring.target(), creation)), wiring.global());
    wiring.offerTarget(line, PrefixedFlags.Scope.DEVICES);
    PrefixedFlags.addTo(line.getCommandSpec(), creation, "--target.", List.of("TARGET_"),
        wiring.flags(), HelpSections.TARGET, PrefixedFlags.Scope.DEVICES);
    return line;
  }
}
