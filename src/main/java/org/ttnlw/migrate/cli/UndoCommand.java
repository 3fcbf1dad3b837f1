package org.ttnlw.migrate.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TargetOptions;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.GatewaysPlugin;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.target.GatewayRemover;
import org.ttnlw.migrate.target.TtsTarget;
import org.ttnlw.migrate.tts.TtsConnection;
import org.ttnlw.migrate.undo.UndoRequest;
import org.ttnlw.migrate.undo.UndoRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code undo}: a migration of devices or of gateways taken back, from its journal. */
@Command(name = "undo", mixinStandardHelpOptions = true,
    description = {
        "Take back a migration of devices or of gateways from its journal: delete what it"
            + " created in the target, then put the source back.",
        "From the journal (--state, or --output FILE for FILE.state), each device the migration created in the target is deleted there,"
            + " if nobody changed it since, and read back gone; only then is it put back at the"
            + " source as it was before the migration (ttnv3: its downlink setting, or the device"
            + " re-created from the journal's copy when the migration deleted it; chirpstack:"
            + " is_disabled, or the device re-created; firefly: its keys). A device that was in"
            + " the target before the migration, or that changed there since, is left alone in"
            + " the target and at the source, and listed.",
        "A gateway migration's journal (ttn-lw-migrate-gateways.state by default) is undone"
            + " gateway by gateway: the LNS key the migration created and the gateway are deleted"
            + " from the target, then the source's CUPS settings a --takeover lns-redirect"
            + " changed are put back.",
        "Give the same --source and source flags, and the same --target flags, as the"
            + " migration. Each step is recorded in STATE.undo, so the same command run again"
            + " goes on where an interrupted undo stopped. --dry-run lists what would be done."})
final class UndoCommand extends BaseCommand implements Cli.SourceChoosing {
  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Device (or gateway) IDs, as the source names them, to undo; - reads them"
          + " from stdin, one per line. With none, every item of the journal.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", converter = LimitConverter.class,
      description = "Undo at most N items not yet undone, in the order the migration moved"
          + " them; the same command run again undoes the next N.")
  Integer limit;

  private final Map<String, BoundSource<?>> sources;
  private final TargetOptions target;
  private String sourceName;

  UndoCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      TargetOptions target) {
    super(global, io);
    this.sources = sources;
    this.target = target;
  }

  /** {@code --source NAME}, required: undo puts devices back at the source the migration read. */
  @Override
  public void offerSourceOption(CommandSpec command, Collection<String> names) {
    command.addOption(ExportCommand.sourceOption("The source the migration read from, where the"
        + " devices are put back: " + String.join(", ", names) + ".", names,
        "undo puts devices back only at", name -> sourceName = name));
  }

  @Override
  Outcome run(RunSettings settings) {
    Path state = settings.namedJournal().orElseThrow(() -> new ParameterException(
        spec.commandLine(), "undo needs the migration's journal: give --state FILE, or --output"
            + " FILE for FILE.state"));
    BoundSource<?> bound = ExportCommand.chosen(sources, sourceName, spec);
    String name = bound.plugin().name();
    boolean gateways = UndoRun.undoesGateways(state);
    if (gateways && !(bound.plugin() instanceof GatewaysPlugin<?>)) {
      throw new ParameterException(spec.commandLine(), state + " is the journal of a gateway"
          + " migration, and the " + name + " source has no gateways: give the --source the"
          + " migration read");
    }
    UndoRequest request = new UndoRequest(state, ids(bound, gateways), limit == null
        ? OptionalInt.empty() : OptionalInt.of(limit), settings.dryRun(), settings.concurrency());
    return new UndoRun(request, new PrintStream(io().stdout(), true, StandardCharsets.UTF_8),
        io().stderr(), io().stop()).run(ends(bound, settings));
  }

  /** The migration's two ends, from the same flags the migration was given. */
  private UndoRun.Ends ends(BoundSource<?> bound, RunSettings settings) {
    CallSettings calls = settings.calls();
    return new UndoRun.Ends() {
      @Override
      public String sourceName() {
        return bound.plugin().name();
      }

      @Override
      public Source openSource() {
        return bound.open(calls);
      }

      @Override
      public TtsTarget openTarget() {
        return new TtsTarget(TargetConfig.from(target), calls, settings.dryRun());
      }

      @Override
      public GatewaySource openGatewaySource() {
        return bound.openGateways(calls);
      }

      @Override
      public GatewayRemover openGatewayTarget() {
        return new GatewayRemover(TtsConnection.forGateways(target.connection(), "--target.",
            "TARGET_"), calls);
      }
    };
  }

  /**
   * The IDs given, those on stdin for "-", checked and written as the source writes them (as the
   * journal holds them); "-" with nothing on stdin is refused, not taken for every item.
   */
  private Set<String> ids(BoundSource<?> bound, boolean gateways) {
    String noun = gateways ? "gateway" : "device";
    IdSyntax syntax = gateways ? bound.gatewayIds() : bound.plugin().deviceIds();
    List<String> named = ids.stream().filter(id -> !id.equals("-")).toList();
    try {
      Set<String> chosen = new LinkedHashSet<>(named.isEmpty() ? List.of()
          : IdInput.of(noun, syntax, named, io().stdin()).all());
      if (ids.contains("-")) {
        chosen.addAll(IdInput.of(noun, syntax, List.of(), io().stdin()).all());
      }
      return chosen;
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  @Override
  UnaryOperator<String> flagsAsTyped() {
    return ExportCommand.chosen(sources, sourceName, spec)
        .flagsAsTyped(Optional.ofNullable(sourceName));
  }
}
