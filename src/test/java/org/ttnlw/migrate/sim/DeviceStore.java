package org.ttnlw.migrate.sim;

import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * The devices one simulated server holds, by application id and device id. An application is known
 * from its first device on and stays known when its devices are deleted, as in TTS.
 */
final class DeviceStore {
  private final NavigableMap<String, NavigableMap<String, EndDevice>> byApplication =
      new TreeMap<>();

  synchronized void put(EndDevice device) {
    byApplication
        .computeIfAbsent(
            device.getIds().getApplicationIds().getApplicationId(), k -> new TreeMap<>())
        .put(device.getIds().getDeviceId(), device);
  }

  /** Makes an application known, as creating it in TTS does. */
  synchronized void addApplication(String applicationId) {
    byApplication.computeIfAbsent(applicationId, k -> new TreeMap<>());
  }

  synchronized boolean hasApplication(String applicationId) {
    return byApplication.containsKey(applicationId);
  }

  /** The device of any application that has both EUIs, as TTS keeps the pair unique. */
  synchronized Optional<EndDevice> withEuis(com.google.protobuf.ByteString joinEui,
      com.google.protobuf.ByteString devEui) {
    return byApplication.values().stream()
        .flatMap(devices -> devices.values().stream())
        .filter(device -> device.getIds().getJoinEui().equals(joinEui)
            && device.getIds().getDevEui().equals(devEui))
        .findFirst();
  }

  /** Replaces the device by {@code change} of it, or of an empty device if there is none. */
  synchronized EndDevice upsert(String applicationId, String deviceId,
      UnaryOperator<EndDevice> change) {
    EndDevice stored = get(applicationId, deviceId).orElse(EndDevice.getDefaultInstance());
    EndDevice updated = change.apply(stored);
    byApplication.computeIfAbsent(applicationId, k -> new TreeMap<>()).put(deviceId, updated);
    return updated;
  }

  synchronized Optional<EndDevice> get(String applicationId, String deviceId) {
    return Optional.ofNullable(devices(applicationId).get(deviceId));
  }

  /** Replaces a device by {@code change} of it; empty if there is no such device. */
  synchronized Optional<EndDevice> update(
      String applicationId, String deviceId, UnaryOperator<EndDevice> change) {
    return get(applicationId, deviceId)
        .map(
            stored -> {
              EndDevice updated = change.apply(stored);
              devices(applicationId).put(deviceId, updated);
              return updated;
            });
  }

  /** Whether there was such a device to remove. */
  synchronized boolean remove(String applicationId, String deviceId) {
    return devices(applicationId).remove(deviceId) != null;
  }

  /** The application's devices ordered by device id; empty if the application is unknown. */
  synchronized Optional<List<EndDevice>> list(String applicationId) {
    return Optional.ofNullable(byApplication.get(applicationId))
        .map(devices -> List.copyOf(devices.values()));
  }

  private NavigableMap<String, EndDevice> devices(String applicationId) {
    return byApplication.getOrDefault(applicationId, new TreeMap<>());
  }
}
