package org.ttnlw.migrate.gateways;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.RunLock;
import org.ttnlw.migrate.pipeline.Delivery;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.target.ConnectionWatch;
import org.ttnlw.migrate.target.GatewayTarget;
import org.ttnlw.migrate.target.KeysFile;

/**
 * Gateways into the target, with what the hand-over needs of it: the keys file (held by this
 * run) and the watch on the target's Gateway Server connections. Closing it closes all three.
 */
final class GatewayDelivery implements Delivery<Gateway> {
  /** How often a waiting gateway's connection is asked, at most; a tenth of a short wait. */
  private static final Duration POLL = Duration.ofSeconds(2);

  private final GatewayJob.Migration migration;
  private final RunLock keysLock;
  private final GatewayTarget target;
  private final ConnectionWatch watch;

  private GatewayDelivery(GatewayJob.Migration migration, RunLock keysLock,
      GatewayTarget target, ConnectionWatch watch) {
    this.migration = migration;
    this.keysLock = keysLock;
    this.target = target;
    this.watch = watch;
  }

  /**
   * Holds the keys file (not in a dry run), opens the target and checks the key's rights there.
   *
   * @param knowsLnsKeys whether the source says which gateways need an LNS key
   */
  static GatewayDelivery open(GatewayJob.Migration migration, GatewaySource source,
      boolean knowsLnsKeys, CallSettings context, boolean dryRun) {
    RunLock keysLock = null;
    if (!dryRun) {
      try {
        keysLock = RunLock.hold(migration.keysFile(), "a --keys-file");
      } catch (IOException e) {
        throw new ConfigException(e.getMessage());
      }
    }
    GatewayTarget target = null;
    ConnectionWatch watch = null;
    try {
      KeysFile keys = new KeysFile(migration.keysFile());
      boolean createAll = migration.createLnsKeys();
      target = new GatewayTarget(migration.target(), context, keys, knowsLnsKeys && !createAll
          ? source::needsLnsKey : id -> createAll, dryRun);
      Duration tenth = migration.verifyTimeout().orElse(POLL).dividedBy(10);
      watch = new ConnectionWatch(migration.target(), context,
          tenth.compareTo(POLL) < 0 ? tenth : POLL);
      target.checkAccess();
      return new GatewayDelivery(migration, keysLock, target, watch);
    } catch (RuntimeException e) {
      new GatewayDelivery(migration, keysLock, target, watch).close();
      throw e;
    }
  }

  @Override
  public boolean writes() {
    return target.writes();
  }

  @Override
  public CompletableFuture<Delivered<Gateway>> deliver(Gateway item, boolean resumed) {
    return target.deliver(item, resumed);
  }

  /** Where the hand-over points gateways at, and how it sees them connected. */
  GatewayHandOver.Target handOverTarget() {
    return new GatewayHandOver.Target(target.gatewayServerAddress(), target.lnsUri(),
        target::lnsKey, watch::connected, target.keysFile().path().toString());
  }

  GatewayJob.Migration migration() {
    return migration;
  }

  KeysFile keysFile() {
    return target.keysFile();
  }

  @Override
  public void close() {
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
}
