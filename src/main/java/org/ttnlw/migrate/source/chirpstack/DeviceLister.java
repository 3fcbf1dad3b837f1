package org.ttnlw.migrate.source.chirpstack;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.DeviceListItem;
import org.ttnlw.migrate.chirpstack.proto.DeviceServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.ListDevicesRequest;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;

/**
 * The devices of one application, listed by DevEUI, {@link OffsetPages} at a time; each page's
 * list items made into what the list yields, at once or after further calls.
 */
final class DeviceLister {
  private static final Logger log = LoggerFactory.getLogger(DeviceLister.class);

  private DeviceLister() {}

  static Iterator<DeviceRef> of(ChirpStackCalls calls, String applicationId) {
    return of(calls, applicationId,
        items -> CompletableFuture.completedFuture(items.stream().map(DeviceLister::ref).toList()));
  }

  /** @param page what a page's list items become */
  static <T> Iterator<T> of(ChirpStackCalls calls, String applicationId,
      Function<List<DeviceListItem>, CompletableFuture<List<T>>> page) {
    return new OffsetPages<T>(offset -> page(calls, applicationId, offset, page),
        e -> e instanceof ChirpStackCallException call && call.isMissingOrHidden()
            ? new MigrationException("application " + applicationId + ": not found, or not visible"
                + " to this API key (" + e.getMessage() + ")", e)
            : e,
        () -> log.warn("application {}: ChirpStack lists no devices for it", applicationId));
  }

  static DeviceRef ref(DeviceListItem item) {
    return new DeviceRef("", item.getDevEui().toLowerCase(Locale.ROOT));
  }

  /** When the device was last seen, or null for never. */
  static Instant lastSeen(DeviceListItem item) {
    return item.hasLastSeenAt() ? Instant.ofEpochSecond(item.getLastSeenAt().getSeconds(),
        item.getLastSeenAt().getNanos()) : null;
  }

  private static <T> CompletableFuture<OffsetPages.Page<T>> page(ChirpStackCalls calls,
      String applicationId, int offset,
      Function<List<DeviceListItem>, CompletableFuture<List<T>>> items) {
    ListDevicesRequest request = ListDevicesRequest.newBuilder()
        .setApplicationId(applicationId)
        .setLimit(OffsetPages.PAGE_SIZE)
        .setOffset(offset)
        .setOrderBy(ListDevicesRequest.OrderBy.DEV_EUI)
        .build();
    return calls.call(DeviceServiceGrpc.getListMethod(), request,
            "listing devices of application " + applicationId + " (offset " + offset + ")")
        .thenCompose(answer -> items.apply(answer.getResultList())
            .thenApply(listed -> new OffsetPages.Page<>(answer.getTotalCount(), listed)));
  }
}
