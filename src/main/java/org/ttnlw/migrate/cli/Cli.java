package org.ttnlw.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ttnlw.migrate.core.TerminalText;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.gateways.GatewayJob;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.source.GatewaysPlugin;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.target.GatewayTargetOptions;
import org.ttnlw.migrate.target.HandOverOptions;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * Builds the command tree: {@code device}, {@code application}, {@code list} and {@code migrate
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
    Wiring wiring = new Wiring(global, io, environment, target, new GatewayTargetOptions(),
        new HandOverOptions());

    CommandLine root = withGlobals(new CommandLine(new RootCommand()), global);
    wiring.addCommands(root, sources, line -> {
      ((ExportCommand) line.getCommand()).offerSourceOption(line.getCommandSpec(), names);
      distinct.forEach(bound -> bound.offerFlags(line.getCommandSpec(), true, environment));
    });
    CommandLine importCommand = withGlobals(new CommandLine(new ImportCommand(global, io,
        target)), global);
    wiring.offerTarget(importCommand);
    wiring.offerPlan(importCommand);
    root.addSubcommand(importCommand);
    root.addSubcommand(wiring.importGatewaysCommand());
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
    root.setHelpFactory(SpaceWrappedHelp.FACTORY);
    root.setOut(new PrintWriter(io.stdout(), true, StandardCharsets.UTF_8));
    root.setErr(new PrintWriter(io.stderr(), true, StandardCharsets.UTF_8));
    root.setParameterExceptionHandler(Cli::usageError);
    root.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("ttn-lw-migrate: internal error: " + TerminalText.line(e.toString()));
      if (global.verbose) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().forEach(text -> line.getErr().println(TerminalText.line(text)));
      }
      return ExitCodes.EXPORT_FAILED;
    });
    return root;
  }

  /** What every command is built with. */
  record Wiring(GlobalOptions global, Io io, EnvironmentDefaults environment,
      TargetOptions target, GatewayTargetOptions gatewayTarget, HandOverOptions handOver) {

    /**
     * Adds {@code device}, {@code application} and {@code list} to {@code parent}, and
     * {@code migrate} with the first two under it, each for {@code sources} and finished by {@code offerSource}.
     */
    void addCommands(CommandLine parent, Map<String, BoundSource<?>> sources,
        java.util.function.Consumer<CommandLine> offerSource) {
      for (ExportCommand command : exportCommands(sources, Mode.Export::new)) {
        CommandLine line = withGlobals(new CommandLine(command), global);
        offerSource.accept(line);
        parent.addSubcommand(line);
      }
      CommandLine list = withGlobals(new CommandLine(new ListCommand(global, io, sources)),
          global);
      offerSource.accept(list);
      parent.addSubcommand(list);
      CommandLine migrate = withGlobals(new CommandLine(new MigrateCommand()), global);
      for (ExportCommand command : exportCommands(sources,
          () -> new Mode.Migrate<>(TargetConfig.from(target)))) {
        CommandLine line = withGlobals(new CommandLine(command), global);
        line.getCommandSpec().usageMessage().description(migrateDescription(command.kind()));
        offerSource.accept(line);
        offerTarget(line);
        offerPlan(line);
        if (command instanceof ApplicationCommand application) {
          application.offerSettingsOption(line.getCommandSpec());
          if (sources.values().stream()
              .anyMatch(bound -> bound.plugin() instanceof GatewaysPlugin<?>)) {
            application.offerGatewaysOption(line.getCommandSpec(), target, gatewayTarget,
                handOver);
            PrefixedFlags.addTo(line.getCommandSpec(), gatewayTarget, "--target.",
                List.of("TARGET_"), environment);
            PrefixedFlags.addTo(line.getCommandSpec(), handOver, "--", List.of("TTN_LW_MIGRATE_"),
                environment);
          }
        }
        migrate.addSubcommand(line);
      }
      Map<String, BoundSource<?>> withGateways = new LinkedHashMap<>();
      sources.forEach((name, bound) -> {
        if (bound.plugin() instanceof GatewaysPlugin<?>) {
          withGateways.put(name, bound);
        }
      });
      if (!withGateways.isEmpty()) {
        parent.addSubcommand(gatewayCommand(withGateways, false, offerSource));
        migrate.addSubcommand(gatewayCommand(withGateways, true, offerSource));
      }
      parent.addSubcommand(migrate);
    }

    /**
     * {@code gateway}, or {@code migrate gateway} with the target's connection, gateway and
     * hand-over flags; sources with gateways only.
     */
    private CommandLine gatewayCommand(Map<String, BoundSource<?>> sources, boolean migrating,
        java.util.function.Consumer<CommandLine> offerSource) {
      Supplier<Mode<GatewayJob.Migration>> mode = migrating
          ? () -> new Mode.Migrate<>(GatewayJob.Migration.from(target, gatewayTarget, handOver,
              Optional.of(GatewayCommand.MIGRATE_TIMEOUT)))
          : Mode.Export::new;
      GatewayCommand command = new GatewayCommand(global, io, sources, mode);
      CommandLine line = withGlobals(new CommandLine(command), global);
      if (sources.size() > 1) {
        command.offerSourceOption(line.getCommandSpec(), String.join(", ", sources.keySet()));
        sources.values().stream().distinct().forEach(bound ->
            bound.offerFlags(line.getCommandSpec(), true, environment));
      } else {
        offerSource.accept(line);
      }
      if (migrating) {
        line.getCommandSpec().usageMessage().description(MIGRATE_GATEWAY);
        offerGatewayTarget(line, true);
      }
      return line;
    }

    /** import-gateways: gateways from files into the target. */
    CommandLine importGatewaysCommand() {
      CommandLine line = withGlobals(new CommandLine(new ImportGatewaysCommand(global, io,
          target, gatewayTarget, handOver)), global);
      offerGatewayTarget(line, false);
      return line;
    }

    private void offerGatewayTarget(CommandLine line, boolean migrating) {
      PrefixedFlags.addTo(line.getCommandSpec(), target.connection(), "--target.",
          List.of("TARGET_"), environment);
      PrefixedFlags.addTo(line.getCommandSpec(), gatewayTarget, "--target.", List.of("TARGET_"),
          environment);
      PrefixedFlags.addTo(line.getCommandSpec(), handOver, "--", List.of("TTN_LW_MIGRATE_"),
          environment);
      offerPlan(line);
    }

    /** @param mode an export, or a migration with the target checked from its flags */
    List<ExportCommand> exportCommands(Map<String, BoundSource<?>> sources,
        Supplier<Mode<TargetConfig>> mode) {
      return List.of(new DeviceCommand(global, io, sources, mode),
          new ApplicationCommand(global, io, sources, mode));
    }

    void offerTarget(CommandLine line) {
      PrefixedFlags.addTo(line.getCommandSpec(), target, "--target.", List.of("TARGET_"),
          environment);
    }

    /** {@code --plan}, on a command that moves devices or gateways into the target. */
    void offerPlan(CommandLine line) {
      line.getCommandSpec().addMixin("plan", CommandSpec.forAnnotatedObject(global.plan));
    }
  }

  private static final String[] MIGRATE_GATEWAY = {
      "Migrate gateways by ID (or all the source key reaches, with --all) into the target, owned"
          + " by --target.collaborator: check that the EUI is free there and the gateway is not"
          + " a managed one, create it with the target's Gateway Server address, give a LoRa"
          + " Basics Station gateway a fresh LNS key (--keys-file), read it back and compare.",
      "Then the hand-over: --takeover lns-redirect points CUPS-managed gateways of a TTS source"
          + " at the target; otherwise the run says what to set on each gateway. It waits up to"
          + " --verify-timeout (default 10m) for each to connect to the target; only then is it"
          + " deleted at the source, with the source's --delete-source-gateway. One that does not"
          + " connect gets its source settings back and fails (exit code 3).",
      "Each registered gateway is written to stdout (or --output) as TTS JSON, one per line."};

  private static String[] migrateDescription(String kind) {
    return new String[] {
        "Migrate " + (kind.equals("device") ? "end devices by device ID" : "every end device of"
            + " the given applications") + " into the target application: create each there"
            + " (in --target.app-id), read it back and compare, and only then disable it at the"
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

  /**
   * picocli's message quotes the value that did not fit, which may be a key given to the wrong
   * flag or an ID with control characters: it is printed masked and escaped, as one line (IDs
   * from the arguments or stdin on a line each, escaped where they are listed).
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    List<String> lines = e.getCause() instanceof IdInput.InvalidInputException invalid
        ? invalid.lines() : List.of(String.valueOf(e.getMessage()));
    err.println("ttn-lw-migrate: " + TerminalText.line(lines.get(0)));
    lines.subList(1, lines.size()).forEach(text -> err.println(TerminalText.line(text)));
    // "Did you mean" for a mistyped command or flag: picocli's own suggestions.
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run `" + line.getCommandSpec().qualifiedName() + " --help` for usage.");
    return ExitCodes.USAGE;
  }
}
