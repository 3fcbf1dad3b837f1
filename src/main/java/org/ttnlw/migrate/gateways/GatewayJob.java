package org.ttnlw.migrate.gateways;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.pipeline.Delivery;
import org.ttnlw.migrate.pipeline.Job;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.RefFormat;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.pipeline.SideEffects;
import org.ttnlw.migrate.pipeline.Transform;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.target.GatewayTargetConfig;
import org.ttnlw.migrate.target.GatewayTargetOptions;
import org.ttnlw.migrate.target.HandOverOptions;
import org.ttnlw.migrate.target.TargetOptions;

/**
 * Gateways through the pipeline: read from a source (or files), registered in the target when
 * migrating, handed over and, when asked, deleted at the source.
 */
public final class GatewayJob implements Job<GatewayRef, Gateway, GatewaySource> {
  /** Where keys go without {@code --keys-file}. */
  public static final Path DEFAULT_KEYS = Path.of("gateway-keys.json");
  /** The journal of a gateway migration without {@code --state} or {@code --output}. */
  public static final Path DEFAULT_STATE = Path.of("ttn-lw-migrate-gateways.state");

  /**
   * The checked settings of registering gateways in the target and handing them over.
   *
   * @param lnsRedirect whether CUPS-managed gateways of the source are pointed at the target
   * @param verifyTimeout how long to wait for each gateway to connect to the target; empty: no
   *     wait
   * @param createLnsKeys whether every gateway gets an LNS key, whatever the source says
   */
  public record Migration(GatewayTargetConfig target, boolean lnsRedirect, Path keysFile,
      Optional<Duration> verifyTimeout, boolean createLnsKeys) {

    /**
     * @param defaultTimeout how long to wait for connections without {@code --verify-timeout};
     *     empty: no wait
     */
    public static Migration from(TargetOptions target, GatewayTargetOptions gateways,
        HandOverOptions handOver, Optional<Duration> defaultTimeout) {
      return new Migration(GatewayTargetConfig.from(target, gateways),
          handOver.takeover() == HandOverOptions.Takeover.LNS_REDIRECT,
          handOver.keysFile() == null ? DEFAULT_KEYS : handOver.keysFile(),
          handOver.verifyTimeout() != null ? Optional.of(handOver.verifyTimeout())
              : defaultTimeout,
          handOver.createLnsKeys());
    }
  }

  /** How the run's gateways are read. */
  public interface Reading {
    GatewaySource open(CallSettings context);

    Iterator<GatewayRef> items(GatewaySource source);

    boolean deletesSource();

    /** Whether the source says which gateways need an LNS key; otherwise --create-lns-keys. */
    boolean knowsLnsKeys();
  }

  /** Where the job stands in its command. */
  public enum Part {
    /** {@code gateway}, {@code migrate gateway}, {@code import-gateways}. */
    WHOLE,
    /** {@code migrate application --with-gateways}, before the devices: registering only. */
    REGISTER_BEFORE_DEVICES,
    /** The same, once the devices are created: the hand-over. */
    HAND_OVER_AFTER_DEVICES
  }

  private final Reading reading;
  private final boolean dryRun;
  private final Path state;
  private final Mode<Migration> mode;
  private final Part part;

  /**
   * @param settings the run's dry run and journal as given (--state)
   * @throws ConfigException when the hand-over cannot work with the source's choices
   */
  public GatewayJob(Reading reading, RunSettings settings, Mode<Migration> mode, Part part) {
    this.reading = reading;
    this.dryRun = settings.dryRun();
    this.state = settings.state();
    this.mode = mode;
    this.part = part;
    if (mode.target().map(Migration::lnsRedirect).orElse(false) && reading.deletesSource()) {
      throw new ConfigException("--takeover lns-redirect cannot be combined with the"
          + " source's --delete-source-gateway: redirected gateways keep asking the source's CUPS"
          + " server for their settings, so they must stay registered there");
    }
  }

  @Override
  public String noun() {
    return "gateway";
  }

  @Override
  public Mode<Migration> mode() {
    return mode;
  }

  @Override
  public RefFormat<GatewayRef> refs() {
    return RefFormat.GATEWAYS;
  }

  @Override
  public RunJournal.Kind journalKind() {
    return mode.hasTarget() ? RunJournal.Kind.GATEWAY_MIGRATION : RunJournal.Kind.GATEWAY_EXPORT;
  }

  @Override
  public Optional<Path> defaultState() {
    if (!mode.hasTarget() || dryRun) {
      return Optional.empty();
    }
    if (part != Part.WHOLE && state != null) {
      return Optional.of(Path.of(state + ".gateways"));
    }
    return Optional.of(DEFAULT_STATE);
  }

  @Override
  public boolean writesOutput() {
    return part == Part.WHOLE;
  }

  @Override
  public String summaryPrefix() {
    return part == Part.WHOLE ? "" : "gateways: ";
  }

  @Override
  public GatewaySource open(CallSettings context) {
    return reading.open(context);
  }

  @Override
  public void preflight(GatewaySource source) {
    source.preflight();
  }

  @Override
  public Iterator<GatewayRef> items(GatewaySource source) {
    return reading.items(source);
  }

  @Override
  public CompletableFuture<Gateway> read(GatewaySource source, GatewayRef ref) {
    return source.fetch(ref);
  }

  @Override
  public Transform<Gateway> transform() {
    return gateway -> gateway;
  }

  @Override
  public Delivery<Gateway> delivery(GatewaySource source, CallSettings context) {
    return mode.target().<Delivery<Gateway>>map(migration -> GatewayDelivery.open(migration,
        source, reading.knowsLnsKeys(), context, dryRun)).orElseGet(Delivery::none);
  }

  @Override
  public SideEffects<GatewayRef> sideEffects(GatewaySource source, Delivery<Gateway> delivery,
      RunJournal<GatewayRef> journal) {
    if (!(delivery instanceof GatewayDelivery target) || part == Part.REGISTER_BEFORE_DEVICES) {
      return SideEffects.keep();
    }
    return new GatewayHandOver(source, target.handOverTarget(),
        new GatewayHandOver.Choices(target.migration().lnsRedirect(),
            target.migration().verifyTimeout(), reading.deletesSource(), dryRun),
        journal);
  }

  @Override
  public Map<String, String> planIds(GatewayRef ref, Gateway gateway) {
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("gateway_id", ref.id());
    if (gateway != null && !gateway.getIds().getEui().isEmpty()) {
      ids.put("eui", HexFormat.of().withUpperCase()
          .formatHex(gateway.getIds().getEui().toByteArray()));
    }
    return ids;
  }

  @Override
  public List<String> remarks(GatewaySource source, Delivery<Gateway> delivery,
      SideEffects<GatewayRef> sideEffects) {
    List<String> remarks = new ArrayList<>(source.remarks());
    if (sideEffects instanceof GatewayHandOver handOver && !handOver.instructions().isEmpty()) {
      remarks.add("to finish the hand-over, set on each gateway:");
      handOver.instructions().forEach(line -> remarks.add("  " + line));
    }
    if (delivery instanceof GatewayDelivery target && target.keysFile().hasKeys()) {
      remarks.add("the LNS keys created in the target are in " + target.keysFile().path()
          + " (readable by you only): hand each to its gateway, then keep the file safe or"
          + " delete it");
    }
    return remarks;
  }
}
