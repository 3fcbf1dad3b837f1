package org.ttnlw.migrate.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.gateways.GatewayJob;
import org.ttnlw.migrate.target.GatewayTargetOptions;
import org.ttnlw.migrate.target.HandOverOptions;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class GatewayCommand implements Callable<Integer> {
  /** How long {@code migrate gateway} waits for connections without {@code --verify-timeout}. */
  static final Duration MIGRATE_TIMEOUT = Duration.ofMinutes(10);

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Gateway IDs (TTS) or gateway EUIs (ChirpStack). With none and no --all, read"
          + " from stdin, one per line.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "Every gateway the source's key reaches.")
  boolean all;

  private final GlobalOptions global;
  private final Io io;
  private final Map<String, BoundSource<?>> sources;
  private final TargetOptions target;
  private final GatewayTargetOptions gatewayTarget;
  private final HandOverOptions handOver;
  private String sourceName;

  /**
   * @param sources the sources with gateways, by name and alias; with exactly one, it is used
   *     without {@code --source}
   * @param target the target's connection for {@code migrate gateway}; null for an export
   */
  GatewayCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      TargetOptions target, GatewayTargetOptions gatewayTarget, HandOverOptions handOver) {
    this.global = global;
    this.io = io;
    this.sources = sources;
    this.target = target;
    this.gatewayTarget = gatewayTarget;
    this.handOver = handOver;
  }

  /** Adds {@code --source NAME}, for the form where the source is not the parent command. */
  void offerSourceOption(CommandSpec command, String names) {
    command.addOption(ExportCommand.sourceOption("Source to read gateways from: " + names + ".",
        name -> sourceName = name));
  }

  @Override
  public Integer call() {
    BoundSource<?> bound = ExportCommand.chosen(sources, sourceName, spec);
    global.check(spec.commandLine());
    Logging.configure(global.verbose);
    if (all && !ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--all exports every gateway the source's"
          + " key reaches; give it no gateway IDs, or leave --all out");
    }
    if (!all && ids.isEmpty() && "terminal".equals(io.environment().get(ExportCommand.STDIN))) {
      io.stderr().println("ttn-lw-migrate: reading gateway IDs from stdin, one per line; end with"
          + " Ctrl-D (or give them as arguments, or --all)");
    }
    Iterator<String> input;
    try {
      input = all ? List.<String>of().iterator()
          : IdInput.of("gateway", bound.gatewayIds(), ids, io.stdin());
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    if (target != null) {
      // Each gateway is registered and handed over on its own: one that fails or does not
      // connect is listed at the end and must not hold back the others.
      global.continueOnError = true;
    }
    GatewayJob job = new GatewayJob(bound.gateways(input, all), global.dryRun, global.state,
        target == null ? null : new GatewayJob.Migration(target, gatewayTarget, handOver,
            Optional.of(MIGRATE_TIMEOUT)));
    return new PipelineRun(global, io, target, bound.flagsAsTyped(sourceName != null)).run(job);
  }
}
