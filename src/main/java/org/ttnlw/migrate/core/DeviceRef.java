package org.ttnlw.migrate.core;

import org.ttnlw.migrate.proto.EndDeviceIdentifiers;

/**
 * An end device as the source knows it: its application and device ID there. The application
 * is empty for a source whose device IDs are unique across the server (ChirpStack's DevEUIs).
 */
public record DeviceRef(String applicationId, String deviceId) {
  public static DeviceRef of(EndDeviceIdentifiers ids) {
    return new DeviceRef(ids.getApplicationIds().getApplicationId(), ids.getDeviceId());
  }

  @Override
  public String toString() {
    return applicationId.isEmpty() ? deviceId : applicationId + "/" + deviceId;
  }
}
