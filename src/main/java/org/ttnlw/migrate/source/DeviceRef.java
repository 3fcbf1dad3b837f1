package org.ttnlw.migrate.source;

/** An end device as the source knows it: its application and device ID there. */
public record DeviceRef(String applicationId, String deviceId) {
  @Override
  public String toString() {
    return applicationId + "/" + deviceId;
  }
}
