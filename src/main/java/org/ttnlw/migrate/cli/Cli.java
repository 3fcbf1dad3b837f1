package org.ttnlw.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * Builds the command tree: {@code device}, {@code application}, {@code list} and
 * {@code migrate device|application} (with {@code --source NAME} and that source's flags as
 * {@code --NAME.FLAG}), {@code import}, {@code sources}, {@code version}, and per source
 * {@code NAME device|application|migrate ...} with that source's flags unprefixed. The
 * target's flags are {@code --target.FLAG} on {@code migrate} and {@code import}. Only the
 * commands a command line names are built (see {@link LazyCommands}).
 */
final class Cli {
  private Cli() {}

  /**
   * Runs the command line {@code args}: builds the commands it names (see {@link LazyCommands})
   * and executes them.
   *
   * @return the exit code
   */
  static int execute(Io io, String[] args) {
    Optional<String> typed = typedSource(args);
    Tree tree = tree(io, plugin -> typed.filter(name -> name.equals(plugin.name())
        || plugin.aliases().contains(name)).isPresent());
    Optional<LazyCommands.Unknown> unknown = LazyCommands.expandAlong(tree.root(), args);
    CommandLine root = tree.finish();
    return unknown.isPresent() ? Typos.unknownCommand(unknown.get()) : root.execute(args);
  }

  /**
   * Every command, with every source's flags on {@code device}, {@code application} and their
   * kin: for the man pages, the completion script and the tests that look at every flag.
   */
  static CommandLine whole(Io io) {
    Tree tree = tree(io, plugin -> true);
    LazyCommands.expandAll(tree.root());
    return tree.finish();
  }

  /**
   * The root with a placeholder for each command.
   *
   * @param offersFlags the sources whose flags {@code device} and its kin offer: the one that
   *     {@code --source} names, or all for the whole tree
   */
  private static Tree tree(Io io, Predicate<SourcePlugin<?>> offersFlags) {
    EnvironmentDefaults environment = new EnvironmentDefaults(io.environment());
    GlobalOptions global = new GlobalOptions();
    Map<String, BoundSource<?>> sources = new LinkedHashMap<>();
    for (SourcePlugin<?> plugin : SourcePlugins.all()) {
      BoundSource<?> bound = BoundSource.of(plugin);
      sources.put(plugin.name(), bound);
      plugin.aliases().forEach(alias -> sources.put(alias, bound));
    }
    List<BoundSource<?>> distinct = sources.values().stream().distinct().toList();
    List<BoundSource<?>> offered = distinct.stream()
        .filter(bound -> offersFlags.test(bound.plugin())).toList();
    HelpSections sections = new HelpSections();
    PrefixedFlags.Registry flagRegistry = new PrefixedFlags.Registry(environment, sections);
    Wiring wiring = new Wiring(global, io, flagRegistry, new TargetOptions(),
        new GatewayTargetOptions(), new HandOverOptions());

    CommandLine root = withGlobals(new CommandLine(new RootCommand()), global);
    SourceOffer prefixed = (line, usable, scope) -> {
      ((SourceChoosing) line.getCommand()).offerSourceOption(line.getCommandSpec(),
          usable.keySet());
      List<BoundSource<?>> flags = usable.values().stream().distinct()
          .filter(offered::contains).toList();
      flags.forEach(bound -> bound.offerFlags(line.getCommandSpec(), true, flagRegistry,
          scope));
      if (flags.isEmpty()) {
        SourceHelp.pointToSourceForms(line.getCommandSpec(),
            usable.values().stream().distinct().toList());
      }
      return flags;
    };
    wiring.addCommands(root, sources, prefixed);
    LazyCommands.add(root, ImportCommand.class, () -> {
      CommandLine importCommand = withGlobals(new CommandLine(new ImportCommand(global, io,
          wiring.target())), global);
      wiring.offerTarget(importCommand, PrefixedFlags.Scope.DEVICES);
      wiring.offerPlan(importCommand);
      return importCommand;
    });
    LazyCommands.add(root, ImportGatewaysCommand.class, wiring::importGatewaysCommand);
    ApplicationSettingsCommands settings = new ApplicationSettingsCommands(wiring, distinct);
    settings.addExport(root, prefixed);
    LazyCommands.add(root, ImportApplicationSettingsCommand.class, settings::importCommand);
    LazyCommands.add(root, UndoCommand.class, () -> wiring.undoCommand(sources, prefixed));
    LazyCommands.add(root, SourcesCommand.class, () -> new CommandLine(new SourcesCommand()));
    LazyCommands.add(root, VersionCommand.class, () -> new CommandLine(new VersionCommand()));
    for (BoundSource<?> bound : distinct) {
      SourcePlugin<?> plugin = bound.plugin();
      LazyCommands.add(root, plugin.name(), plugin.aliases(), sourceGroupDescription(plugin),
          () -> sourceGroup(bound, wiring));
    }
    return new Tree(root, io, global, flagRegistry);
  }

  /** The root of a tree being built, with what its commands share. */
  private record Tree(CommandLine root, Io io, GlobalOptions global,
      PrefixedFlags.Registry flags) {
    /** What every built command inherits from the root; once the commands are built. */
    CommandLine finish() {
      abbreviateSynopses(root);
      root.setDefaultValueProvider(flags.environment());
      root.setHelpFactory(SpaceWrappedHelp.factory(flags.sections()));
      root.setOut(new PrintWriter(io.stdout(), true, StandardCharsets.UTF_8));
      root.setErr(new PrintWriter(io.stderr(), true, StandardCharsets.UTF_8));
      root.setParameterExceptionHandler(Cli::usageError);
      root.setExecutionExceptionHandler((e, line, parsed) -> {
        line.getErr().println("ttn-lw-migrate: internal error: "
            + TerminalText.line(e.toString()));
        if (global.verbose) {
          StringWriter trace = new StringWriter();
          e.printStackTrace(new PrintWriter(trace));
          trace.toString().lines()
              .forEach(text -> line.getErr().println(TerminalText.line(text)));
        }
        return ExitCodes.EXPORT_FAILED;
      });
      return root;
    }
  }

  /** A command that takes {@code --source NAME} where the source is not its parent command. */
  interface SourceChoosing {
    void offerSourceOption(CommandSpec command, Collection<String> names);
  }

  /**
   * Offers the source flags on a command that can read from {@code usable} (by name and alias),
   * and {@code --source} where the command is not a source's own.
   *
   * @return the sources whose flags the command now has
   */
  interface SourceOffer {
    List<BoundSource<?>> offer(CommandLine line, Map<String, BoundSource<?>> usable,
        PrefixedFlags.Scope scope);
  }

  /** What every command is built with. */
  record Wiring(GlobalOptions global, Io io, PrefixedFlags.Registry flags,
      TargetOptions target, GatewayTargetOptions gatewayTarget, HandOverOptions handOver) {

    /**
     * Adds {@code device}, {@code application} and {@code list} to {@code parent}, and
     * {@code migrate} with the first two under it, each for {@code sources} and with the flags {@code offerSource} gives.
     */
    void addCommands(CommandLine parent, Map<String, BoundSource<?>> sources,
        SourceOffer offerSource) {
      LazyCommands.add(parent, DeviceCommand.class, () -> exportCommand(
          new DeviceCommand(global, io, sources, Mode.Export::new), sources, offerSource));
      LazyCommands.add(parent, ApplicationCommand.class, () -> exportCommand(
          new ApplicationCommand(global, io, sources, Mode.Export::new), sources, offerSource));
      LazyCommands.add(parent, ListCommand.class, () -> exportCommand(
          new ListCommand(global, io, sources), sources, offerSource));
      Map<String, BoundSource<?>> withGateways = new LinkedHashMap<>();
      sources.forEach((name, bound) -> {
        if (bound.plugin() instanceof GatewaysPlugin<?>) {
          withGateways.put(name, bound);
        }
      });
      if (!withGateways.isEmpty()) {
        LazyCommands.add(parent, GatewayCommand.class,
            () -> gatewayCommand(withGateways, false, offerSource));
      }
      LazyCommands.add(parent, MigrateCommand.class, () -> {
        CommandLine migrate = withGlobals(new CommandLine(new MigrateCommand()), global);
        Supplier<Mode<TargetConfig>> mode = () -> new Mode.Migrate<>(TargetConfig.from(target));
        LazyCommands.add(migrate, "device", annotatedAliases(DeviceCommand.class),
            migrateDescription("device"), () -> migrateCommand(
                new DeviceCommand(global, io, sources, mode), sources, offerSource));
        LazyCommands.add(migrate, "application", annotatedAliases(ApplicationCommand.class),
            migrateDescription("application"), () -> migrateCommand(
                new ApplicationCommand(global, io, sources, mode), sources, offerSource));
        if (!withGateways.isEmpty()) {
          LazyCommands.add(migrate, "gateway", annotatedAliases(GatewayCommand.class),
              MIGRATE_GATEWAY, () -> gatewayCommand(withGateways, true, offerSource));
        }
        return migrate;
      });
    }

    private CommandLine exportCommand(ExportCommand command,
        Map<String, BoundSource<?>> sources, SourceOffer offerSource) {
      CommandLine line = withGlobals(new CommandLine(command), global);
      offerSource.offer(line, sources, PrefixedFlags.Scope.DEVICES);
      return line;
    }

    /** {@code migrate device} or {@code migrate application}. */
    private CommandLine migrateCommand(ExportCommand command,
        Map<String, BoundSource<?>> sources, SourceOffer offerSource) {
      CommandLine line = withGlobals(new CommandLine(command), global);
      line.getCommandSpec().usageMessage().description(migrateDescription(command.kind()));
      // migrate application moves gateways too, with --with-gateways
      PrefixedFlags.Scope scope = command instanceof ApplicationCommand
          ? PrefixedFlags.Scope.WITH_GATEWAYS : PrefixedFlags.Scope.DEVICES;
      List<BoundSource<?>> offered = offerSource.offer(line, sources, scope);
      offerTarget(line, offered.stream()
          .anyMatch(bound -> bound.plugin() instanceof GatewaysPlugin<?>) ? scope
          : PrefixedFlags.Scope.DEVICES);
      offerPlan(line);
      if (command instanceof ApplicationCommand application) {
        application.offerSettingsOption(line.getCommandSpec());
        boolean sourceHasGateways = offered.stream()
            .anyMatch(bound -> bound.plugin() instanceof GatewaysPlugin<?>);
        // Hidden for a source without gateways: its run says which sources have them.
        if (sources.values().stream()
            .anyMatch(bound -> bound.plugin() instanceof GatewaysPlugin<?>)) {
          application.offerGatewaysOption(line.getCommandSpec(), !sourceHasGateways, target,
              gatewayTarget, handOver);
        }
        if (sourceHasGateways) {
          PrefixedFlags.addTo(line.getCommandSpec(), gatewayTarget, "--target.",
              List.of("TARGET_"), flags, HelpSections.TARGET, scope);
          PrefixedFlags.addTo(line.getCommandSpec(), handOver, "--", List.of("TTN_LW_MIGRATE_"),
              flags, HelpSections.HAND_OVER, scope);
        }
      }
      return line;
    }

    /**
     * {@code gateway}, or {@code migrate gateway} with the target's connection, gateway and
     * hand-over flags; sources with gateways only.
     */
    private CommandLine gatewayCommand(Map<String, BoundSource<?>> sources, boolean migrating,
        SourceOffer offerSource) {
      Supplier<Mode<GatewayJob.Migration>> mode = migrating
          ? () -> new Mode.Migrate<>(GatewayJob.Migration.from(target, gatewayTarget, handOver,
              Optional.of(GatewayCommand.MIGRATE_TIMEOUT)))
          : Mode.Export::new;
      CommandLine line = withGlobals(new CommandLine(new GatewayCommand(global, io, sources,
          mode)), global);
      offerSource.offer(line, sources, PrefixedFlags.Scope.WITH_GATEWAYS);
      if (migrating) {
        line.getCommandSpec().usageMessage().description(MIGRATE_GATEWAY);
        offerGatewayTarget(line, true);
      }
      return line;
    }

    /**
     * {@code undo}, with the flags of the sources and the target a migration (of devices or of
     * gateways) was given.
     */
    CommandLine undoCommand(Map<String, BoundSource<?>> sources, SourceOffer offerSource) {
      CommandLine line = withGlobals(new CommandLine(new UndoCommand(global, io, sources,
          target)), global);
      offerSource.offer(line, sources, PrefixedFlags.Scope.WITH_GATEWAYS);
      offerTarget(line, PrefixedFlags.Scope.WITH_GATEWAYS);
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
          List.of("TARGET_"), flags, HelpSections.TARGET, PrefixedFlags.Scope.WITH_GATEWAYS);
      PrefixedFlags.addTo(line.getCommandSpec(), gatewayTarget, "--target.", List.of("TARGET_"),
          flags, HelpSections.TARGET, PrefixedFlags.Scope.WITH_GATEWAYS);
      PrefixedFlags.addTo(line.getCommandSpec(), handOver, "--", List.of("TTN_LW_MIGRATE_"),
          flags, HelpSections.HAND_OVER, PrefixedFlags.Scope.WITH_GATEWAYS);
      offerPlan(line);
    }

    void offerTarget(CommandLine line, PrefixedFlags.Scope scope) {
      PrefixedFlags.addTo(line.getCommandSpec(), target, List.of("--target."),
          List.of("TARGET_"), flags, HelpSections.TARGET, scope, TargetOptions.ALSO_UNPREFIXED);
    }

    /** {@code --plan}, on a command that moves devices or gateways into the target. */
    void offerPlan(CommandLine line) {
      line.getCommandSpec().addMixin("plan", CommandSpec.forAnnotatedObject(global.plan));
    }
  }

  private static List<String> annotatedAliases(Class<?> commandClass) {
    return List.of(commandClass.getAnnotation(Command.class).aliases());
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

  private static String[] sourceGroupDescription(SourcePlugin<?> plugin) {
    return new String[] {plugin.description(),
        "Its flags go without the `" + plugin.name() + ".` prefix here."};
  }

  private static CommandLine sourceGroup(BoundSource<?> bound, Wiring wiring) {
    SourcePlugin<?> plugin = bound.plugin();
    CommandLine group = withGlobals(new CommandLine(new SourceGroupCommand()), wiring.global());
    CommandSpec spec = group.getCommandSpec();
    spec.name(plugin.name()).aliases(plugin.aliases().toArray(String[]::new));
    spec.usageMessage().description(sourceGroupDescription(plugin));
    SourceOffer unprefixed = (line, usable, scope) -> {
      bound.offerFlags(line.getCommandSpec(), false, wiring.flags(), scope);
      return List.of(bound);
    };
    Map<String, BoundSource<?>> only = Map.of(plugin.name(), bound);
    wiring.addCommands(group, only, unprefixed);
    new ApplicationSettingsCommands(wiring, List.of(bound)).addExport(group, unprefixed);
    LazyCommands.add(group, UndoCommand.class, () -> wiring.undoCommand(only, unprefixed));
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

  /** The value of {@code --source} on the command line, the last one if given twice. */
  static Optional<String> typedSource(String[] args) {
    Optional<String> source = Optional.empty();
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      if (args[i].equals("--source") && i + 1 < args.length) {
        source = Optional.of(args[++i]);
      } else if (args[i].startsWith("--source=")) {
        source = Optional.of(args[i].substring("--source=".length()));
      }
    }
    return source;
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
    err.println("ttn-lw-migrate: " + TerminalText.line(lines.get(0))
        + Typos.suggestion(e).map(suggestion -> "; " + suggestion).orElse(""));
    lines.subList(1, lines.size()).forEach(text -> err.println(TerminalText.line(text)));
    err.println("Run `" + line.getCommandSpec().qualifiedName() + " --help` for usage.");
    return ExitCodes.USAGE;
  }
}
