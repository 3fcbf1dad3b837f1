package org.ttnlw.migrate.source.tts;

import com.google.protobuf.FieldMask;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.ListEndDevicesRequest;
import org.ttnlw.migrate.source.DeviceFact;
import org.ttnlw.migrate.source.ListedDevice;
import org.ttnlw.migrate.tts.PagedList;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * The devices of one application, listed page by page on the Identity Server, with the fields
 * of the facts asked for in the List's field mask (the Identity Server holds attributes, the
 * version IDs and the last activity).
 */
final class DeviceLister {
  private DeviceLister() {}

  static Iterator<DeviceRef> of(RegistryCalls calls, String applicationId) {
    return list(calls, applicationId, Set.of(), device -> ref(applicationId, device));
  }

  static Iterator<ListedDevice> listed(RegistryCalls calls, String applicationId,
      Set<DeviceFact> facts) {
    return list(calls, applicationId, facts, device -> {
      ListedDevice listed = ListedDevice.of(ref(applicationId, device));
      if (facts.contains(DeviceFact.ATTRIBUTES)) {
        listed = listed.withAttributes(device.getAttributesMap());
      }
      if (facts.contains(DeviceFact.MODEL)) {
        listed = listed.withModel(device.getVersionIds().getBrandId(),
            device.getVersionIds().getModelId());
      }
      if (facts.contains(DeviceFact.LAST_SEEN)) {
        listed = listed.withLastSeen(device.hasLastSeenAt()
            ? Instant.ofEpochMilli(Timestamps.toMillis(device.getLastSeenAt())) : null);
      }
      return listed;
    });
  }

  private static <I> Iterator<I> list(RegistryCalls calls, String applicationId,
      Set<DeviceFact> facts, Function<EndDevice, I> item) {
    FieldMask mask = mask(facts);
    return new PagedList<>(page -> calls.call(TtsServer.IDENTITY_SERVER,
        EndDeviceRegistryGrpc.getListMethod(), ListEndDevicesRequest.newBuilder()
            .setApplicationIds(ApplicationIdentifiers.newBuilder()
                .setApplicationId(applicationId))
            .setFieldMask(mask)
            .setLimit(PagedList.PAGE_SIZE)
            .setPage(page)
            .setOrder("device_id")
            .build(),
        "listing devices of application " + applicationId + " (page " + page + ")"),
        devices -> devices.getEndDevicesList().stream().map(item).toList(),
        "listing devices of application " + applicationId);
  }

  /** The IDs, and the Identity Server's path of each fact. */
  private static FieldMask mask(Set<DeviceFact> facts) {
    FieldMask.Builder mask = FieldMask.newBuilder().addPaths("ids");
    for (DeviceFact fact : facts) {
      mask.addAllPaths(switch (fact) {
        case ATTRIBUTES -> List.of("attributes");
        case MODEL -> List.of("version_ids.brand_id", "version_ids.model_id");
        case LAST_SEEN -> List.of("last_seen_at");
        default -> throw new IllegalArgumentException(fact + " is not on TTS's device list");
      });
    }
    return mask.build();
  }

  private static DeviceRef ref(String applicationId, EndDevice device) {
    return new DeviceRef(applicationId, device.getIds().getDeviceId());
  }
}
