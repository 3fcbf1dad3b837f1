package org.ttnlw.migrate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.source.SourcePlugins;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command tree: {@code device}, {@code application} and {@code migrate
 * device|application} (with {@code --source NAME} and every source's flags as
 * {@code --NAME.FLAG}), {@code import}, {@code sources}, {@code version}, and per source
 * {@code NAME device|application|migrate ...} with that source's flags unprefixed. The
 * target's flags are {@code --target.FLAG} on {@code migrate} and {@code import}.
 */
final class Cli {
  private Cli() {}

  static CommandLine build(Io io) {
    EnvironmentDefaults environment = new EnvironmentDefaults(io.environment());
    GlobalOptions global = new GlobalOptions();
    TargetOptions target = new TargetOptions();
    Map<String, BoundSource<?>> sources = new LinkedHashMap<>();
    for (SourcePlugin<?> plugin : SourcePlugins.all()) {
      BoundSource<?> bound = BoundSource.of(plugin);
      sources.put(plugin.name(), bound);
      plugin.aliases().forEach(alias -> sources.put(alias, bound));
    }
    List<BoundSource<?>> distinct = sources.values().stream().distinct().toList();
    String names = String.join(", ", sources.keySet());
    Wiring wiring = new Wiring(global, io, environment, target);

    CommandLine root = withGlobals(new CommandLine(new RootCommand()), global);
    wiring.addCommands(root, sources, line -> {
      ((ExportCommand) line.getCommand()).offerSourceOption(line.getCommandSpec(), names);
      distinct.forEach(bound -> bound.offerFlags(line.getCommandSpec(), true, environment));
    });
    CommandLine importCommand = withGlobals(new CommandLine(new ImportCommand(global, io,
        target)), global);
    wiring.offerTarget(importCommand);
    root.addSubcommand(importCommand);
    ApplicationSettingsCommands settings = new ApplicationSettingsCommands(wiring, distinct);
    settings.exportCommand(true).ifPresent(root::addSubcommand);
    root.addSubcommand(settings.importCommand());
    root.addSubcommand(new CommandLine(new SourcesCommand()));
    root.addSubcommand(new CommandLine(new VersionCommand()));
    for (BoundSource<?> bound : distinct) {
      root.addSubcommand(sourceGroup(bound, wiring));
    }

    abbreviateSynopses(root);
    root.setDefaultValueProvider(environment);
    root.setOut(new PrintWriter(io.stdout(), true, StandardCharsets.UTF_8));
    root.setErr(new PrintWriter(io.stderr(), true, StandardCharsets.UTF_8));
    root.setParameterExceptionHandler(Cli::usageError);
    root.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("ttn-lw-migrate: internal error: " + e);
      if (global.verbose) {
        e.printStackTrace(line.getErr());
      }
      return ExitCodes.EXPORT_FAILED;
    });
    return root;
  }

  /** What every command is built with. */
  record Wiring(GlobalOptions global, Io io, EnvironmentDefaults environment,
      TargetOptions target) {

    /**
     * Adds {@code device} and {@code application} to {@code parent}, and {@code migrate} with
     * both under it, each for {@code sources} and finished by {@code offerSource}.
     */
    void addCommands(CommandLine parent, Map<String, BoundSource<?>> sources,
        java.util.function.Consumer<CommandLine> offerSource) {
      for (ExportCommand command : exportCommands(sources, null)) {
        CommandLine line = withGlobals(new CommandLine(command), global);
        offerSource.accept(line);
        parent.addSubcommand(line);
      }
      CommandLine migrate = withGlobals(new CommandLine(new MigrateCommand()), global);
      for (ExportCommand command : exportCommands(sources, target)) {
        CommandLine line = withGlobals(new CommandLine(command), global);
        line.getCommandSpec().usageMessage().description(migrateDescription(command.kind()));
        offerSource.accept(line);
        offerTarget(line);
        if (command instanceof ApplicationCommand application) {
          application.offerSettingsOption(line.getCommandSpec());
        }
        migrate.addSubcommand(line);
      }
      parent.addSubcommand(migrate);
    }

    List<ExportCommand> exportCommands(Map<String, BoundSource<?>> sources,
        TargetOptions withTarget) {
      return List.of(new DeviceCommand(global, io, sources, withTarget),
          new ApplicationCommand(global, io, sources, withTarget));
    }

    void offerTarget(CommandLine line) {
      PrefixedFlags.addTo(line.getCommandSpec(), target, "--target.", List.of("TARGET_"),
          environment);
    }
  }

  private static String[] migrateDescription(String kind) {
    return new String[] {
        "Migrate " + (kind.equals("device") ? "end devices by device ID" : "every end device of"
            + " the given applications") + " into the target application (--target.app-id):"
            + " create each there, read it back and compare, and only then disable it at the"
            + " source (or delete it there, with the source's delete flag), unless --dry-run.",
        "Each verified device is written to stdout (or --output) as TTS JSON, one per line: the"
            + " record of what was migrated."};
  }

  private static CommandLine sourceGroup(BoundSource<?> bound, Wiring wiring) {
    SourcePlugin<?> plugin = bound.plugin();
    CommandLine group = withGlobals(new CommandLine(new SourceGroupCommand()), wiring.global());
    CommandSpec spec = group.getCommandSpec();
    spec.name(plugin.name()).aliases(plugin.aliases().toArray(String[]::new));
    spec.usageMessage().description(plugin.description(),
        "Its flags go without the `" + plugin.name() + ".` prefix here.");
    wiring.addCommands(group, Map.of(plugin.name(), bound),
        line -> bound.offerFlags(line.getCommandSpec(), false, wiring.environment()));
    new ApplicationSettingsCommands(wiring, List.of(bound)).exportCommand(false)
        .ifPresent(group::addSubcommand);
    return group;
  }

  /**
   * {@code [OPTIONS]} in every synopsis: the full one lists each source's flags, and picocli
   * wraps it inside flag names (after {@code --ttnv3.}), in help and man pages alike.
   */
  private static void abbreviateSynopses(CommandLine line) {
    line.getCommandSpec().usageMessage().abbreviateSynopsis(true);
    line.getSubcommands().values().forEach(Cli::abbreviateSynopses);
  }

  static CommandLine withGlobals(CommandLine line, GlobalOptions global) {
    line.getCommandSpec().addMixin("global", CommandSpec.forAnnotatedObject(global));
    return line;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    err.println("ttn-lw-migrate: " + e.getMessage());
    // "Did you mean" for a mistyped command or flag: picocli's own suggestions.
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run `" + line.getCommandSpec().qualifiedName() + " --help` for usage.");
    return ExitCodes.USAGE;
  }
}
