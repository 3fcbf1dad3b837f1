package org.ttnlw.migrate.undo;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.target.GatewayRemover;
import org.ttnlw.migrate.target.Removal;

/**
 * A gateway a migration registered in the target, as undo compares and deletes it, with the LNS
 * key the migration created for it, if it noted one.
 */
record GatewayInTarget(GatewayRemover target, Optional<String> lnsKeyId)
    implements TargetSide<Gateway> {
  @Override
  public Gateway written(String created) {
    return TtsJson.instance().merge(created, Gateway.newBuilder()).build();
  }

  @Override
  public String name(Gateway written) {
    return written.getIds().getGatewayId();
  }

  @Override
  public String verb() {
    return "registered";
  }

  @Override
  public String alsoRemoved() {
    return lnsKeyId.isPresent() ? ", with the LNS key this run created for it" : "";
  }

  @Override
  public CompletableFuture<Removal> removable(Gateway written) {
    return target.removable(written);
  }

  @Override
  public CompletableFuture<Void> remove(Gateway written) {
    return target.remove(written.getIds().getGatewayId(), lnsKeyId);
  }
}
