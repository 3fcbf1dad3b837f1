package org.ttnlw.migrate.source.tts;

import com.google.protobuf.FieldMask;
import java.util.Iterator;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.ListEndDevicesRequest;
import org.ttnlw.migrate.tts.PagedList;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsServer;

/** The devices of one application, listed page by page on the Identity Server. */
final class DeviceLister {
  private static final FieldMask IDS_ONLY = FieldMask.newBuilder().addPaths("ids").build();

  private DeviceLister() {}

  static Iterator<DeviceRef> of(RegistryCalls calls, String applicationId) {
    return new PagedList<>(page -> calls.call(TtsServer.IDENTITY_SERVER,
        EndDeviceRegistryGrpc.getListMethod(), ListEndDevicesRequest.newBuilder()
            .setApplicationIds(ApplicationIdentifiers.newBuilder()
                .setApplicationId(applicationId))
            .setFieldMask(IDS_ONLY)
            .setLimit(PagedList.PAGE_SIZE)
            .setPage(page)
            .setOrder("device_id")
            .build(),
        "listing devices of application " + applicationId + " (page " + page + ")"),
        devices -> devices.getEndDevicesList().stream()
            .map(device -> new DeviceRef(applicationId, device.getIds().getDeviceId())).toList(),
        "listing devices of application " + applicationId);
  }
}
