package org.ttnlw.migrate.export;

import org.ttnlw.migrate.proto.EndDevice;

/** One step that turns a device read from the source into the device to import. */
@FunctionalInterface
public interface DeviceTransform {

  /**
   * @throws DeviceRejectedException when the device cannot be exported as asked
   */
  EndDevice apply(EndDevice device);

  default DeviceTransform andThen(DeviceTransform next) {
    return device -> next.apply(apply(device));
  }
}
