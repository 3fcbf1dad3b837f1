package org.ttnlw.migrate.source.tts;

import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsServer;
import com.google.protobuf.FieldMask;
import io.grpc.Metadata;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.EndDevices;
import org.ttnlw.migrate.proto.ListEndDevicesRequest;
import org.ttnlw.migrate.source.DeviceCount;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Futures;
import org.ttnlw.migrate.source.SourceException;

/**
 * The devices of one application, listed page by page on the Identity Server. The
 * next page is requested as soon as the current one arrives, so listing overlaps
 * with exporting.
 */
final class DeviceLister implements Iterator<DeviceRef>, DeviceCount {
  static final int PAGE_SIZE = 100;
  private static final Metadata.Key<String> TOTAL_COUNT =
      Metadata.Key.of("x-total-count", Metadata.ASCII_STRING_MARSHALLER);
  private static final FieldMask IDS_ONLY = FieldMask.newBuilder().addPaths("ids").build();

  private final RegistryCalls calls;
  private final String applicationId;
  private final ArrayDeque<DeviceRef> current = new ArrayDeque<>();
  private CompletableFuture<RetryingCalls.Answer<EndDevices>> next;
  private int nextPage = 1;
  private long listed;
  private volatile OptionalLong total = OptionalLong.empty();

  DeviceLister(RegistryCalls calls, String applicationId) {
    this.calls = calls;
    this.applicationId = applicationId;
    this.next = request(nextPage);
  }

  private CompletableFuture<RetryingCalls.Answer<EndDevices>> request(int page) {
    ListEndDevicesRequest request = ListEndDevicesRequest.newBuilder()
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId))
        .setFieldMask(IDS_ONLY)
        .setLimit(PAGE_SIZE)
        .setPage(page)
        .setOrder("device_id")
        .build();
    return calls.call(TtsServer.IDENTITY_SERVER, EndDeviceRegistryGrpc.getListMethod(), request,
        "listing devices of application " + applicationId + " (page " + page + ")");
  }

  @Override
  public boolean hasNext() {
    while (current.isEmpty() && next != null) {
      RetryingCalls.Answer<EndDevices> answer = Futures.await(next);
      EndDevices page = answer.message();
      for (EndDevice device : page.getEndDevicesList()) {
        current.add(new DeviceRef(applicationId, device.getIds().getDeviceId()));
      }
      listed += page.getEndDevicesCount();
      nextPage++;
      next = hasMorePages(page, answer.headers()) ? request(nextPage) : null;
    }
    return !current.isEmpty();
  }

  private boolean hasMorePages(EndDevices page, Metadata headers) {
    String total = headers.get(TOTAL_COUNT);
    if (total == null) {
      return page.getEndDevicesCount() == PAGE_SIZE;
    }
    try {
      this.total = OptionalLong.of(Long.parseLong(total.strip()));
      return listed < this.total.getAsLong() && page.getEndDevicesCount() > 0;
    } catch (NumberFormatException e) {
      throw new SourceException("listing devices of application " + applicationId
          + ": the Identity Server sent an invalid x-total-count \"" + total + "\"");
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
