package org.ttnlw.migrate.source;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.proto.Gateway;

/**
 * A network server's gateways, read in TTS's model so that the target can register them, and
 * deleted at the source only once they are verified on the target. Implementations are
 * thread-safe: several gateways are in flight at once.
 */
public interface GatewaySource extends AutoCloseable {

  /** The gateway an ID on the command line or stdin names. */
  GatewayRef resolve(String id);

  /** Every gateway the source's key reaches, read lazily page by page, in the source's order. */
  Iterator<GatewayRef> listAll();

  /**
   * Reads one gateway as the target is to register it: identity, settings, antennas, never the
   * source's secrets, contacts, server address or timestamps. Fails with a message naming the
   * gateway and the cause.
   */
  CompletableFuture<Gateway> fetch(GatewayRef gateway);

  /** Deletes the gateway at the source; one already gone counts as deleted. */
  CompletableFuture<Void> delete(GatewayRef gateway);

  /** Lines printed on stderr after the run's summary: what is left to do by hand. */
  default List<String> remarks() {
    return List.of();
  }

  @Override
  void close();
}
