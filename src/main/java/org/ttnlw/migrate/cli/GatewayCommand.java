package org.ttnlw.migrate.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.gateways.GatewayJob;
import org.ttnlw.migrate.gateways.SourceGateways;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code gateway}: gateways by ID (or all the source key reaches) through the same pipeline as
 * devices; under {@code migrate}, registered in the target, verified, handed over and only then
 * deleted at the source when asked.
 */
@Command(name = "gateway", aliases = {"gateways", "gtw"}, mixinStandardHelpOptions = true,
    description = {
        "Export gateways by ID (or every gateway the source's key reaches, with --all) as TTS"
            + " JSON on stdout, one gateway per line. Nothing changes at the source.",
        "A TTS source needs a user or organization API key for gateways (its gateway-api-key"
            + " flag): an application key has no gateway rights. The source's LNS secret, CUPS"
            + " redirection, contacts, server address and timestamps never move; the claim"
            + " authentication code only with its with-secrets flag. The gateways page in docs/"
            + " has the whole journey."})
final class GatewayCommand extends BaseCommand implements Cli.SourceChoosing {
  /** How long {@code migrate gateway} waits for connections without {@code --verify-timeout}. */
  static final Duration MIGRATE_TIMEOUT = Duration.ofMinutes(10);

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Gateway IDs (TTS) or gateway EUIs (ChirpStack). With none and no --all, read"
          + " from stdin, one per line.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "Every gateway the source's key reaches.")
  boolean all;

  private final Map<String, BoundSource<?>> sources;
  private final Supplier<Mode<GatewayJob.Migration>> mode;
  private String sourceName;

  /**
   * @param sources the sources with gateways, by name and alias; with exactly one, it is used
   *     without {@code --source}
   * @param mode an export, or {@code migrate gateway}'s target checked from its flags
   */
  GatewayCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      Supplier<Mode<GatewayJob.Migration>> mode) {
    super(global, io);
    this.sources = sources;
    this.mode = mode;
  }

  @Override
  public void offerSourceOption(CommandSpec command, Collection<String> names) {
    command.addOption(ExportCommand.sourceOption("Source to read gateways from: "
        + String.join(", ", names) + ".", names, "gateways move only from",
        name -> sourceName = name));
  }

  @Override
  Outcome run(RunSettings settings) {
    BoundSource<?> bound = chosenSource();
    if (all && !ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--all exports every gateway the source's"
          + " key reaches; give it no gateway IDs, or leave --all out");
    }
    if (!all && ids.isEmpty()
        && "terminal".equals(io().environment().get(ExportCommand.STDIN))) {
      io().stderr().println("ttn-lw-migrate: reading gateway IDs from stdin, one per line; end"
          + " with Ctrl-D (or give them as arguments, or --all)");
    }
    Iterator<String> input;
    try {
      input = all ? List.<String>of().iterator()
          : IdInput.of("gateway", bound.gatewayIds(), ids, io().stdin());
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    Mode<GatewayJob.Migration> checked = mode.get();
    // Each gateway is registered and handed over on its own: one that fails or does not
    // connect is listed at the end and must not hold back the others.
    RunSettings run = checked.hasTarget() ? settings.continuingOnError() : settings;
    GatewayJob job = new GatewayJob(new SourceGateways(bound::openGateways,
        bound.deletesSourceGateways(), input, all), run, checked, GatewayJob.Part.WHOLE);
    return runner().run(job, run);
  }

  @Override
  UnaryOperator<String> flagsAsTyped() {
    return chosenSource().flagsAsTyped(java.util.Optional.ofNullable(sourceName));
  }

  private BoundSource<?> chosenSource() {
    return ExportCommand.chosen(sources, sourceName, spec);
  }
}
