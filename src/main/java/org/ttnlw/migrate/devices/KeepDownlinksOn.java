package org.ttnlw.migrate.devices;

import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Notices;
import org.ttnlw.migrate.pipeline.Transform;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * Never exports {@code mac_settings.schedule_downlinks = false}. The source holds it when an
 * earlier export took the device out of service there; imported, it would leave the device
 * without join accepts and MAC commands on the target too. The field is left out, so the
 * target's default applies; an operator who wants downlinks off in the target sets it there.
 * A re-run over an application the first run disabled meets it on every device: it is one
 * notice of the run, counted at its end.
 */
public final class KeepDownlinksOn implements Transform<EndDevice> {
  static final String NOTICE = "had downlinks disabled at the source"
      + " (mac_settings.schedule_downlinks = false, as an earlier export leaves it); exported"
      + " without that setting, so the target schedules downlinks";

  private final Notices notices;

  KeepDownlinksOn(Notices notices) {
    this.notices = notices;
  }

  @Override
  public EndDevice apply(EndDevice device) {
    if (!device.getMacSettings().hasScheduleDownlinks()
        || device.getMacSettings().getScheduleDownlinks().getValue()) {
      return device;
    }
    notices.add(NOTICE, DeviceRef.of(device.getIds()));
    EndDevice.Builder out = device.toBuilder();
    out.getMacSettingsBuilder().clearScheduleDownlinks();
    return out.build();
  }
}
