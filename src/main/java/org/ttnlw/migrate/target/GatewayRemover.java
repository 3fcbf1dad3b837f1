package org.ttnlw.migrate.target;

import com.google.protobuf.FieldMask;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.proto.DeleteGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAccessGrpc;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.tts.Difference;
import org.ttnlw.migrate.tts.GatewayFields;
import org.ttnlw.migrate.tts.MessageComparison;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsCallException;
import org.ttnlw.migrate.tts.TtsConnection;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Takes back from the target a gateway a run registered there ({@link GatewayTarget}): whether
 * it is still as the run wrote it, and its deletion with the LNS key the run created for it.
 */
public final class GatewayRemover implements AutoCloseable {
  private final RegistryCalls calls;
  private final FieldMask compared = GatewayTarget.compared(GatewayFields.bundled());

  public GatewayRemover(TtsConnection connection, CallSettings context) {
    this.calls = new RegistryCalls(connection, context);
  }

  /** Whether the gateway is in the target as {@code written}, changed since, or gone. */
  public CompletableFuture<Removal> removable(Gateway written) {
    String id = written.getIds().getGatewayId();
    return read(id).thenApply(read -> {
      if (read.isEmpty()) {
        return Removal.of(Removal.Kind.GONE);
      }
      List<Difference> differing = MessageComparison.differences(written, read.get(),
          compared.getPathsList());
      return differing.isEmpty() ? Removal.of(Removal.Kind.UNCHANGED)
          : new Removal(Removal.Kind.CHANGED, Difference.paths(differing));
    });
  }

  /**
   * Deletes the gateway's LNS key first (so that it cannot connect to the target any more),
   * then the gateway, and reads it back gone; either already gone counts as deleted.
   *
   * @param lnsKeyId the ID of the LNS key the run created for it, if it did
   */
  public CompletableFuture<Void> remove(String gatewayId, Optional<String> lnsKeyId) {
    CompletableFuture<Void> keyGone = lnsKeyId.map(keyId -> TtsCallException.orIfNotFound(
            calls.call(TtsServer.IDENTITY_SERVER, GatewayAccessGrpc.getDeleteAPIKeyMethod(),
                DeleteGatewayAPIKeyRequest.newBuilder().setGatewayIds(GatewayTarget.ids(gatewayId))
                    .setKeyId(keyId).build(),
                "deleting the LNS key of gateway " + gatewayId + " from the target")
            .thenApply(deleted -> (Void) null), null))
        .orElseGet(() -> CompletableFuture.completedFuture(null));
    return keyGone
        .thenCompose(ignored -> TtsCallException.orIfNotFound(calls.call(
            TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getDeleteMethod(),
            GatewayTarget.ids(gatewayId), "deleting gateway " + gatewayId + " from the target")
            .thenApply(deleted -> (Void) null), null))
        .thenCompose(ignored -> read(gatewayId))
        .thenApply(still -> {
          if (still.isPresent()) {
            throw new TargetDeviceException("gateway " + gatewayId + ": deleted from the target,"
                + " it is still there when read back");
          }
          return null;
        });
  }

  private CompletableFuture<Optional<Gateway>> read(String id) {
    return GatewayTarget.read(calls, compared, id);
  }

  @Override
  public void close() {
    calls.close();
  }
}
