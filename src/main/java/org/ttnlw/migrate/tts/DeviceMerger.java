package org.ttnlw.migrate.tts;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;

/**
 * Joins the parts of one device held by different servers into the device to export, each
 * field from the one server the {@link MergePlan} names; identifiers must agree. The device
 * was created when its first server created it, and last changed when its last one did.
 */
final class DeviceMerger {
  private DeviceMerger() {}

  static EndDevice merge(DeviceRef ref, MergePlan plan, List<DevicePart> parts) {
    checkIdentifiers(ref, parts);
    Map<TtsServer, EndDevice> answers = new EnumMap<>(TtsServer.class);
    parts.forEach(part -> answers.put(part.server(), part.device()));
    EndDevice.Builder merged = plan.apply(answers).toBuilder();
    Timestamp createdAt = null;
    Timestamp updatedAt = null;
    for (DevicePart part : parts) {
      EndDevice device = part.device();
      if (device.hasCreatedAt() && (createdAt == null
          || Timestamps.compare(device.getCreatedAt(), createdAt) < 0)) {
        createdAt = device.getCreatedAt();
      }
      if (device.hasUpdatedAt() && (updatedAt == null
          || Timestamps.compare(device.getUpdatedAt(), updatedAt) > 0)) {
        updatedAt = device.getUpdatedAt();
      }
    }
    if (createdAt != null) {
      merged.setCreatedAt(createdAt);
    }
    if (updatedAt != null) {
      merged.setUpdatedAt(updatedAt);
    }
    return merged.build();
  }

  private static void checkIdentifiers(DeviceRef ref, List<DevicePart> parts) {
    for (DevicePart part : parts) {
      EndDeviceIdentifiers ids = part.device().getIds();
      if (!ids.getDeviceId().equals(ref.deviceId())
          || !ids.getApplicationIds().getApplicationId().equals(ref.applicationId())) {
        throw new MigrationException("device " + ref + ": the " + part.server().shortName()
            + " answered for another device (" + DeviceRef.of(ids) + ")");
      }
    }
    checkAgree(ref, parts, "dev_eui", EndDeviceIdentifiers::getDevEui);
    checkAgree(ref, parts, "join_eui", EndDeviceIdentifiers::getJoinEui);
  }

  private static void checkAgree(DeviceRef ref, List<DevicePart> parts, String field,
      Function<EndDeviceIdentifiers, ByteString> get) {
    DevicePart first = null;
    for (DevicePart part : parts) {
      ByteString value = get.apply(part.device().getIds());
      if (value.isEmpty()) {
        continue;
      }
      if (first == null) {
        first = part;
      } else if (!value.equals(get.apply(first.device().getIds()))) {
        throw new MigrationException("device " + ref + ": servers disagree on " + field + ": "
            + first.server().shortName() + " has " + hex(get.apply(first.device().getIds()))
            + ", " + part.server().shortName() + " has " + hex(value));
      }
    }
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes.toByteArray());
  }
}
