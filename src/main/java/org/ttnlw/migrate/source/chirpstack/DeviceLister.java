package org.ttnlw.migrate.source.chirpstack;

import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.DeviceServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.ListDevicesRequest;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;

/** The devices of one application, listed by DevEUI, {@link OffsetPages} at a time. */
final class DeviceLister {
  private static final Logger log = LoggerFactory.getLogger(DeviceLister.class);

  private DeviceLister() {}

  static Iterator<DeviceRef> of(ChirpStackCalls calls, String applicationId) {
    return new OffsetPages<>(offset -> page(calls, applicationId, offset),
        e -> e instanceof ChirpStackCallException call && call.isMissingOrHidden()
            ? new MigrationException("application " + applicationId + ": not found, or not visible"
                + " to this API key (" + e.getMessage() + ")", e)
            : e,
        () -> log.warn("application {}: ChirpStack lists no devices for it", applicationId));
  }

  private static CompletableFuture<OffsetPages.Page<DeviceRef>> page(ChirpStackCalls calls,
      String applicationId, int offset) {
    ListDevicesRequest request = ListDevicesRequest.newBuilder()
        .setApplicationId(applicationId)
        .setLimit(OffsetPages.PAGE_SIZE)
        .setOffset(offset)
        .setOrderBy(ListDevicesRequest.OrderBy.DEV_EUI)
        .build();
    return calls.call(DeviceServiceGrpc.getListMethod(), request,
            "listing devices of application " + applicationId + " (offset " + offset + ")")
        .thenApply(answer -> new OffsetPages.Page<>(answer.getTotalCount(),
            answer.getResultList().stream()
                .map(device -> new DeviceRef("", device.getDevEui().toLowerCase(Locale.ROOT)))
                .toList()));
  }
}
