package org.ttnlw.migrate.source.chirpstack;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.DeviceListItem;
import org.ttnlw.migrate.chirpstack.proto.DeviceServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.ListDevicesRequest;
import org.ttnlw.migrate.chirpstack.proto.ListDevicesResponse;
import org.ttnlw.migrate.source.DeviceCount;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Futures;
import org.ttnlw.migrate.source.SourceException;

/**
 * The devices of one application, listed by DevEUI with {@code limit} and {@code offset} until
 * {@code total_count} is reached. A limit is always sent: without one ChirpStack answers only the
 * count. The next page is asked for as soon as one arrives, so listing overlaps with exporting.
 */
final class DeviceLister implements Iterator<DeviceRef>, DeviceCount {
  static final int PAGE_SIZE = 100;
  private static final Logger log = LoggerFactory.getLogger(DeviceLister.class);

  private final ChirpStackCalls calls;
  private final String applicationId;
  private final ArrayDeque<DeviceRef> current = new ArrayDeque<>();
  private CompletableFuture<ListDevicesResponse> next;
  private int offset;
  private volatile OptionalLong total = OptionalLong.empty();

  DeviceLister(ChirpStackCalls calls, String applicationId) {
    this.calls = calls;
    this.applicationId = applicationId;
    this.next = request();
  }

  private CompletableFuture<ListDevicesResponse> request() {
    ListDevicesRequest request = ListDevicesRequest.newBuilder()
        .setApplicationId(applicationId)
        .setLimit(PAGE_SIZE)
        .setOffset(offset)
        .setOrderBy(ListDevicesRequest.OrderBy.DEV_EUI)
        .build();
    return calls.call(DeviceServiceGrpc.getListMethod(), request,
        "listing devices of application " + applicationId + " (offset " + offset + ")");
  }

  @Override
  public boolean hasNext() {
    while (current.isEmpty() && next != null) {
      ListDevicesResponse page = await();
      for (DeviceListItem device : page.getResultList()) {
        current.add(new DeviceRef("", device.getDevEui().toLowerCase(Locale.ROOT)));
      }
      if (offset == 0 && page.getTotalCount() == 0) {
        log.warn("application {}: ChirpStack lists no devices for it", applicationId);
      }
      offset += page.getResultCount();
      total = OptionalLong.of(Integer.toUnsignedLong(page.getTotalCount()));
      next = offset < Integer.toUnsignedLong(page.getTotalCount()) && page.getResultCount() > 0
          ? request() : null;
    }
    return !current.isEmpty();
  }

  private ListDevicesResponse await() {
    try {
      return Futures.await(next);
    } catch (ChirpStackCallException e) {
      if (e.isMissingOrHidden()) {
        throw new SourceException("application " + applicationId + ": not found, or not visible"
            + " to this API key (" + e.getMessage() + ")", e);
      }
      throw e;
    }
  }

  @Override
  public OptionalLong total() {
    return total;
  }

  @Override
  public DeviceRef next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.poll();
  }
}
