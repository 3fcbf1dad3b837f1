package org.ttnlw.migrate.devices;

import org.ttnlw.migrate.pipeline.Transform;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Session;

/**
 * Exports a device without its active session. An OTAA device joins the new network
 * afresh. An ABP device cannot be re-keyed over the air, so it keeps its DevAddr and
 * session keys, starts its frame counters again and tells the new Network Server to
 * accept the reset ({@code mac_settings.resets_f_cnt}).
 */
public final class NoSession implements Transform<EndDevice> {
  @Override
  public EndDevice apply(EndDevice device) {
    EndDevice.Builder out = device.toBuilder()
        .clearPendingSession()
        .clearMacState()
        .clearPendingMacState()
        .clearActivatedAt()
        .clearLastSeenAt()
        .clearLastDevStatusReceivedAt()
        .clearSession();
    if (!device.getSupportsJoin()) {
      if (device.hasSession()) {
        Session session = device.getSession();
        out.setSession(Session.newBuilder()
            .setDevAddr(session.getDevAddr())
            .setKeys(session.getKeys()));
      }
      out.getMacSettingsBuilder().setResetsFCnt(BoolValue.newBuilder().setValue(true));
    }
    return out.build();
  }
}
