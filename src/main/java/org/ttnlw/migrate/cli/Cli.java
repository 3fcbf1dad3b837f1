package org.ttnlw.migrate.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.source.SourcePlugins;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command tree: {@code device}, {@code application} (with
 * {@code --source NAME} and every source's flags as {@code --NAME.FLAG}),
 * {@code sources}, {@code version}, and per source {@code NAME device|application}
 * with that source's flags unprefixed.
 */
final class Cli {
  private Cli() {}

  static CommandLine build(Io io) {
    EnvironmentDefaults environment = new EnvironmentDefaults(io.environment());
    GlobalOptions global = new GlobalOptions();
    Map<String, BoundSource<?>> sources = new LinkedHashMap<>();
    for (SourcePlugin<?> plugin : SourcePlugins.all()) {
      BoundSource<?> bound = BoundSource.of(plugin);
      sources.put(plugin.name(), bound);
      plugin.aliases().forEach(alias -> sources.put(alias, bound));
    }
    List<BoundSource<?>> distinct = sources.values().stream().distinct().toList();
    String names = String.join(", ", sources.keySet());

    CommandLine root = withGlobals(new CommandLine(new RootCommand()), global);
    for (Function<Map<String, BoundSource<?>>, ExportCommand> factory : exportCommands(global, io)) {
      ExportCommand command = factory.apply(sources);
      CommandLine line = withGlobals(new CommandLine(command), global);
      command.offerSourceOption(line.getCommandSpec(), names);
      distinct.forEach(bound -> SourceFlags.addTo(line.getCommandSpec(), bound, true, environment));
      root.addSubcommand(line);
    }
    root.addSubcommand(new CommandLine(new SourcesCommand()));
    root.addSubcommand(new CommandLine(new VersionCommand()));
    for (BoundSource<?> bound : distinct) {
      root.addSubcommand(sourceGroup(bound, global, io, environment));
    }

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

  private static List<Function<Map<String, BoundSource<?>>, ExportCommand>> exportCommands(
      GlobalOptions global, Io io) {
    return List.of(
        sources -> new DeviceCommand(global, io, sources),
        sources -> new ApplicationCommand(global, io, sources));
  }

  private static CommandLine sourceGroup(BoundSource<?> bound, GlobalOptions global, Io io,
      EnvironmentDefaults environment) {
    SourcePlugin<?> plugin = bound.plugin();
    CommandLine group = withGlobals(new CommandLine(new SourceGroupCommand()), global);
    CommandSpec spec = group.getCommandSpec();
    spec.name(plugin.name()).aliases(plugin.aliases().toArray(String[]::new));
    spec.usageMessage().description(plugin.description(),
        "Its flags go without the `" + plugin.name() + ".` prefix here.");
    Map<String, BoundSource<?>> only = Map.of(plugin.name(), bound);
    for (Function<Map<String, BoundSource<?>>, ExportCommand> factory : exportCommands(global, io)) {
      CommandLine line = withGlobals(new CommandLine(factory.apply(only)), global);
      SourceFlags.addTo(line.getCommandSpec(), bound, false, environment);
      group.addSubcommand(line);
    }
    return group;
  }

  private static CommandLine withGlobals(CommandLine line, GlobalOptions global) {
    line.getCommandSpec().addMixin("global", CommandSpec.forAnnotatedObject(global));
    return line;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    err.println("ttn-lw-migrate: " + e.getMessage());
    err.println("Run `" + line.getCommandSpec().qualifiedName() + " --help` for usage.");
    return ExitCodes.USAGE;
  }
}
