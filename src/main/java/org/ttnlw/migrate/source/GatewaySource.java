package org.ttnlw.migrate.source;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.proto.Gateway;

/**
 * A network server's gateways, read in TTS's model so that the target can register them, and
 * deleted at the source only once they are verified on the target. Implementations are
 * thread-safe: several gateways are in flight at once.
 */
public interface GatewaySource extends SourceConnection {

  /**
   * The pre-flight, before the first gateway: one cheap authenticated read, not retried, that
   * proves the address, TLS and the key.
   *
   * @throws ConfigException naming the side ("source"), the cause and the flag to fix
   */
  void preflight();

  /** The gateway an ID on the command line or stdin names. */
  GatewayRef resolve(String id);

  /**
   * The ID the target registers the gateway under, which the exported gateway carries: the
   * source's own where the two are the same kind of ID.
   */
  default String targetId(GatewayRef gateway) {
    return gateway.id();
  }

  /** Every gateway the source's key reaches, read lazily page by page, in the source's order. */
  Iterator<GatewayRef> listAll();

  /**
   * Reads one gateway as the target is to register it: identity, settings, antennas, never the
   * source's secrets, contacts, server address or timestamps. Fails with a message naming the
   * gateway and the cause.
   */
  CompletableFuture<Gateway> fetch(GatewayRef gateway);

  /**
   * Whether the gateway, as this source read it, connects with an LNS key (LoRa Basics Station),
   * so that the target must give it a fresh one; false when the source cannot tell.
   */
  default boolean needsLnsKey(String gatewayId) {
    return false;
  }

  /** The source's CUPS settings of its gateways, when it has a CUPS server that can redirect. */
  default Optional<CupsRedirect> cupsRedirect() {
    return Optional.empty();
  }

  /** Reads and changes what the source's CUPS server hands a gateway. */
  interface CupsRedirect {
    /** The gateway's settings now; needs the right to read secrets. */
    CompletableFuture<LnsSettings> read(GatewayRef gateway);

    /** Sets both, in one update; needs the right to write secrets. */
    CompletableFuture<Void> write(GatewayRef gateway, LnsSettings settings);
  }

  /** Deletes the gateway at the source; one already gone counts as deleted. */
  CompletableFuture<Void> delete(GatewayRef gateway);

  /** Lines printed on stderr after the run's summary: what is left to do by hand. */
  default List<String> remarks() {
    return List.of();
  }

  @Override
  void close();
}
