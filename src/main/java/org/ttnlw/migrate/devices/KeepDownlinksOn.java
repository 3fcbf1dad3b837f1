package org.ttnlw.migrate.devices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.pipeline.Transform;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * Never exports {@code mac_settings.schedule_downlinks = false}. The source holds it when an
 * earlier export took the device out of service there; imported, it would leave the device
 * without join accepts and MAC commands on the target too. The field is left out, so the
 * target's default applies; an operator who wants downlinks off in the target sets it there.
 */
public final class KeepDownlinksOn implements Transform<EndDevice> {
  private static final Logger log = LoggerFactory.getLogger(KeepDownlinksOn.class);

  @Override
  public EndDevice apply(EndDevice device) {
    if (!device.getMacSettings().hasScheduleDownlinks()
        || device.getMacSettings().getScheduleDownlinks().getValue()) {
      return device;
    }
    log.warn("device {}: downlinks are disabled on the source (mac_settings.schedule_downlinks ="
        + " false, as an earlier export leaves it); exported without that setting, so the"
        + " target schedules downlinks", DeviceRef.of(device.getIds()));
    EndDevice.Builder out = device.toBuilder();
    out.getMacSettingsBuilder().clearScheduleDownlinks();
    return out.build();
  }
}
