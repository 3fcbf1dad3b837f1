package org.ttnlw.migrate.source.awsiot;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import software.amazon.awssdk.services.iotwireless.model.ListWirelessDevicesRequest;
import software.amazon.awssdk.services.iotwireless.model.ListWirelessDevicesResponse;
import software.amazon.awssdk.services.iotwireless.model.WirelessDeviceStatistics;
import software.amazon.awssdk.services.iotwireless.model.WirelessDeviceType;

/**
 * The LoRaWAN devices of one destination (or of the whole account and region), page by page.
 * Every page is asked for with the same filters, the LoRaWAN type among them; a device that is
 * still not LoRaWAN (Sidewalk) is skipped, counted and reported, never exported. The next page is
 * requested as soon as the current one arrives.
 */
final class WirelessDeviceLister implements Iterator<DeviceRef> {
  private static final Logger log = LoggerFactory.getLogger(WirelessDeviceLister.class);
  static final int PAGE_SIZE = 100;

  private final AwsCalls calls;
  private final String appId;
  private final ListWirelessDevicesRequest filters;
  private final String what;
  private final AwsIotReport report;
  private final ArrayDeque<DeviceRef> current = new ArrayDeque<>();
  private CompletableFuture<ListWirelessDevicesResponse> next;
  private int page = 1;

  /** @param destination the destination to list, or empty for every device */
  WirelessDeviceLister(AwsCalls calls, String appId, Optional<String> destination,
      AwsIotReport report) {
    this.calls = calls;
    this.appId = appId;
    this.report = report;
    ListWirelessDevicesRequest.Builder filters = ListWirelessDevicesRequest.builder()
        .wirelessDeviceType(WirelessDeviceType.LO_RA_WAN)
        .maxResults(PAGE_SIZE);
    destination.ifPresent(filters::destinationName);
    this.filters = filters.build();
    this.what = destination.map(d -> "listing the devices of destination " + d)
        .orElse("listing every device of the account and region");
    this.next = request(null);
  }

  private CompletableFuture<ListWirelessDevicesResponse> request(String token) {
    ListWirelessDevicesRequest request = filters.toBuilder().nextToken(token).build();
    return calls.call(what + " (page " + page + ")", "ListWirelessDevices",
        client -> client.listWirelessDevices(request));
  }

  @Override
  public boolean hasNext() {
    while (current.isEmpty() && next != null) {
      ListWirelessDevicesResponse answer = Futures.await(next);
      for (WirelessDeviceStatistics device : answer.wirelessDeviceList()) {
        if (device.type() != WirelessDeviceType.LO_RA_WAN || device.loRaWAN() == null) {
          log.warn("{}: skipping wireless device {} (type {}): not a LoRaWAN device", what,
              device.id(), device.typeAsString());
          report.skippedNotLorawan();
        } else {
          current.add(new DeviceRef(appId, device.id()));
        }
      }
      String token = answer.nextToken();
      page++;
      next = token == null || token.isEmpty() ? null : request(token);
    }
    return !current.isEmpty();
  }

  @Override
  public DeviceRef next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.poll();
  }
}
