package org.ttnlw.migrate.export;

import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * Where a device goes once it is read and transformed, before its line is written and the source
 * is told: nowhere for an export, into the target for a migration.
 */
public interface DeviceDelivery extends AutoCloseable {
  /** An export: the device is only written out. */
  DeviceDelivery NONE = new DeviceDelivery() {
    @Override
    public boolean writes() {
      return false;
    }

    @Override
    public CompletableFuture<Delivered> deliver(EndDevice device, boolean resumed) {
      return CompletableFuture.completedFuture(new Delivered(device, ""));
    }
  };

  /**
   * @param device the device as delivered, which is written out
   * @param outcome how the summary counts it, e.g. "created"; empty for no count of its own
   */
  record Delivered(EndDevice device, String outcome) {}

  /** Whether a delivery changes anything, so the journal records it before it starts. */
  boolean writes();

  /**
   * Delivers the device; the future fails with a message naming the device and the cause.
   *
   * @param resumed whether an earlier run of the same journal started to deliver it
   */
  CompletableFuture<Delivered> deliver(EndDevice device, boolean resumed);

  @Override
  default void close() {}
}
