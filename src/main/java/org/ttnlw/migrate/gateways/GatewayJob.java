package org.ttnlw.migrate.gateways;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.ttnlw.migrate.core.RunLock;
import org.ttnlw.migrate.pipeline.Delivery;
import org.ttnlw.migrate.pipeline.Job;
import org.ttnlw.migrate.pipeline.RefFormat;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.pipeline.SideEffects;
import org.ttnlw.migrate.pipeline.Transform;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.target.ConnectionWatch;
import org.ttnlw.migrate.target.GatewayTarget;
import org.ttnlw.migrate.target.GatewayTargetConfig;
import org.ttnlw.migrate.target.GatewayTargetOptions;
import org.ttnlw.migrate.target.HandOverOptions;
import org.ttnlw.migrate.target.KeysFile;
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
  /** How often a waiting gateway's connection is asked, at most; a tenth of a short wait. */
  private static final Duration POLL = Duration.ofSeconds(2);

  /**
   * What a migration or import is told about the target and the hand-over.
   *
   * @param defaultTimeout how long to wait for connections without {@code --verify-timeout};
   *     empty: no wait
   */
  public record Migration(TargetOptions target, GatewayTargetOptions gateways,
      HandOverOptions handOver, Optional<Duration> defaultTimeout) {}

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
  private final Migration migration;
  private final Part part;
  private GatewayTargetConfig config;
  private GatewayTarget target;
  private ConnectionWatch watch;
  private GatewayHandOver handOver;
  private RunLock keysLock;

  /**
   * @param dryRun whether the target and the source are only read, not changed
   * @param state the run's journal as given (--state), or null
   * @param migration the target and hand-over; null for an export
   */
  public GatewayJob(Reading reading, boolean dryRun, Path state, Migration migration) {
    this(reading, dryRun, state, migration, Part.WHOLE);
  }

  public GatewayJob(Reading reading, boolean dryRun, Path state, Migration migration,
      Part part) {
    this.reading = reading;
    this.dryRun = dryRun;
    this.state = state;
    this.migration = migration;
    this.part = part;
  }

  @Override
  public String noun() {
    return "gateway";
  }

  @Override
  public RefFormat<GatewayRef> refs() {
    return RefFormat.GATEWAYS;
  }

  @Override
  public RunJournal.Kind journalKind(boolean migrating) {
    return migrating ? RunJournal.Kind.GATEWAY_MIGRATION : RunJournal.Kind.GATEWAY_EXPORT;
  }

  @Override
  public Optional<Path> defaultState(boolean migrating) {
    if (!migrating || dryRun) {
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
  public void checkTarget() {
    config = GatewayTargetConfig.from(migration.target(), migration.gateways());
    HandOverOptions options = migration.handOver();
    if (options.takeover() == HandOverOptions.Takeover.LNS_REDIRECT && reading.deletesSource()) {
      throw new ConfigException("--takeover lns-redirect cannot be combined with the"
          + " source's --delete-source-gateway: redirected gateways keep asking the source's CUPS"
          + " server for their settings, so they must stay registered there");
    }
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
  public Delivery<Gateway> target(GatewaySource source, CallSettings context) {
    HandOverOptions options = migration.handOver();
    Path keysPath = options.keysFile() == null ? DEFAULT_KEYS : options.keysFile();
    if (!dryRun) {
      try {
        keysLock = RunLock.hold(keysPath, "a --keys-file");
      } catch (IOException e) {
        throw new ConfigException(e.getMessage());
      }
    }
    try {
      KeysFile keys = new KeysFile(keysPath);
      boolean createAll = options.createLnsKeys();
      target = new GatewayTarget(config, context, keys, reading.knowsLnsKeys() && !createAll
          ? source::needsLnsKey : id -> createAll, dryRun);
      Duration wait = options.verifyTimeout() != null ? options.verifyTimeout()
          : migration.defaultTimeout().orElse(POLL);
      Duration tenth = wait.dividedBy(10);
      watch = new ConnectionWatch(config, context, tenth.compareTo(POLL) < 0 ? tenth : POLL);
      target.checkAccess();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return new Delivery<>() {
      @Override
      public boolean writes() {
        return target.writes();
      }

      @Override
      public CompletableFuture<Delivered<Gateway>> deliver(Gateway item, boolean resumed) {
        return target.deliver(item, resumed);
      }

      @Override
      public void close() {
        GatewayJob.this.close();
      }
    };
  }

  private void close() {
    if (watch != null) {
      watch.close();
    }
    if (target != null) {
      target.close();
    }
    if (keysLock != null) {
      try {
        keysLock.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public SideEffects<GatewayRef> sideEffects(GatewaySource source, Delivery<Gateway> delivery,
      RunJournal<GatewayRef> journal) {
    if (migration == null || part == Part.REGISTER_BEFORE_DEVICES) {
      return SideEffects.keep();
    }
    HandOverOptions options = migration.handOver();
    Optional<Duration> timeout = options.verifyTimeout() != null
        ? Optional.of(options.verifyTimeout()) : migration.defaultTimeout();
    handOver = new GatewayHandOver(source,
        new GatewayHandOver.Target(target.gatewayServerAddress(), target.lnsUri(),
            target::lnsKey, watch::connected, target.keysFile().path().toString()),
        new GatewayHandOver.Choices(options.takeover() == HandOverOptions.Takeover.LNS_REDIRECT,
            timeout, reading.deletesSource(), dryRun),
        journal);
    return handOver;
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
  public List<String> remarks(GatewaySource source) {
    List<String> remarks = new ArrayList<>(source.remarks());
    if (handOver != null && !handOver.instructions().isEmpty()) {
      remarks.add("to finish the hand-over, set on each gateway:");
      handOver.instructions().forEach(line -> remarks.add("  " + line));
    }
    if (target != null && target.keysFile().hasKeys()) {
      remarks.add("the LNS keys created in the target are in " + target.keysFile().path()
          + " (readable by you only): hand each to its gateway, then keep the file safe or"
          + " delete it");
    }
    return remarks;
  }
}
