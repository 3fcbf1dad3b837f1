package org.ttnlw.migrate.undo;

import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.target.Removal;
import org.ttnlw.migrate.target.TtsTarget;

/** Devices a migration created in the target, as undo compares and deletes them. */
record DevicesInTarget(TtsTarget target) implements TargetSide<EndDevice> {
  @Override
  public EndDevice written(String created) {
    return TtsJson.instance().merge(created, EndDevice.newBuilder()).build();
  }

  @Override
  public String name(EndDevice written) {
    return DeviceRef.of(written.getIds()).toString();
  }

  @Override
  public String verb() {
    return "created";
  }

  @Override
  public String alsoRemoved() {
    return "";
  }

  @Override
  public CompletableFuture<Removal> removable(EndDevice written) {
    return target.removable(written);
  }

  @Override
  public CompletableFuture<Void> remove(EndDevice written) {
    return target.remove(DeviceRef.of(written.getIds()));
  }
}
