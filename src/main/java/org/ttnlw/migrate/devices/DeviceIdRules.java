package org.ttnlw.migrate.devices;

import java.util.HexFormat;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.pipeline.Transform;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * Gives the exported device an ID TTS accepts: the lower-case DevEUI where it has
 * none, the operator's prefix, dashes for underscores. A changed ID is kept in
 * the attribute {@code old-id}, so the device can be traced back to the source.
 */
public final class DeviceIdRules implements Transform<EndDevice> {
  static final String OLD_ID_ATTRIBUTE = "old-id";

  private final String prefix;

  /** @param prefix prepended as {@code PREFIX-ID}; empty for none */
  public DeviceIdRules(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public EndDevice apply(EndDevice device) {
    String original = device.getIds().getDeviceId();
    String id = original;
    if (id.isEmpty()) {
      if (device.getIds().getDevEui().isEmpty()) {
        throw new ItemRejectedException("a device of application "
            + device.getIds().getApplicationIds().getApplicationId()
            + " has neither a device ID nor a DevEUI");
      }
      id = HexFormat.of().formatHex(device.getIds().getDevEui().toByteArray());
    }
    if (!prefix.isEmpty()) {
      id = prefix + "-" + id;
    }
    id = id.replace('_', '-');
    String problem = DeviceIds.problem(id);
    if (problem != null) {
      throw new ItemRejectedException("device " + DeviceRef.of(device.getIds()) + ": new device ID \"" + id
          + "\" is not valid: " + problem
          + (prefix.isEmpty() ? "" : " (try a shorter --dev-id-prefix)"));
    }
    if (id.equals(original)) {
      return device;
    }
    EndDevice.Builder out = device.toBuilder();
    out.getIdsBuilder().setDeviceId(id);
    if (!original.isEmpty()) {
      out.putAttributes(OLD_ID_ATTRIBUTE, original);
    }
    return out.build();
  }
}
