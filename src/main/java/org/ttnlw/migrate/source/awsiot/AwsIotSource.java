package org.ttnlw.migrate.source.awsiot;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.SourceNeeds;
import software.amazon.awssdk.services.iotwireless.model.GetWirelessDeviceResponse;
import software.amazon.awssdk.services.iotwireless.model.LoRaWANDeviceProfile;
import software.amazon.awssdk.services.iotwireless.model.WirelessDeviceIdType;
import software.amazon.awssdk.services.iotwireless.model.WirelessDeviceType;

/**
 * Reads devices from AWS IoT Core for LoRaWAN: GetWirelessDevice, then its device profile (read
 * once per profile and run). Devices are named by wireless device ID or by DevEUI (16 hex digits).
 * AWS has no "disable"; {@link #delete} is DeleteWirelessDevice.
 */
final class AwsIotSource implements ListsAllSource {
  private final AwsIotConfig config;
  private final AwsCalls calls;
  private final AwsIotReport report = new AwsIotReport();
  private final DeviceMapping mapping;
  private final Map<String, CompletableFuture<LoRaWANDeviceProfile>> profiles =
      new ConcurrentHashMap<>();
  /** Wireless device IDs of devices read by DevEUI, for deleting them. */
  private final Map<String, String> wirelessIds = new ConcurrentHashMap<>();

  AwsIotSource(AwsIotConfig config, AwsCalls calls) {
    this.config = config;
    this.calls = calls;
    this.mapping = new DeviceMapping(config, report);
  }

  /**
   * ListWirelessDevices of at most one device, not retried: proves the endpoint, the credentials
   * and the region before the first device.
   */
  @Override
  public void preflight(SourceNeeds needs) {
    try {
      Futures.await(calls.callOnce("checking the source credentials", "ListWirelessDevices",
          client -> client.listWirelessDevices(request -> request.maxResults(1)
              .wirelessDeviceType(WirelessDeviceType.LO_RA_WAN))));
    } catch (AwsCallException e) {
      throw new ConfigException("source: " + e.getMessage()
          + "; nothing was exported or changed");
    }
  }

  @Override
  public DeviceRef resolve(String deviceId) {
    return new DeviceRef(config.appId(), deviceId);
  }

  @Override
  public Iterator<DeviceRef> listDevices(String destination) {
    return new WirelessDeviceLister(calls, config.appId(), Optional.of(destination), report);
  }

  /** Every LoRaWAN device of the account and region (--all). */
  @Override
  public Iterator<DeviceRef> listAllDevices() {
    return new WirelessDeviceLister(calls, config.appId(), Optional.empty(), report);
  }

  private static boolean isDevEui(String id) {
    return AwsIotIds.isDevEui(id);
  }

  private static String what(DeviceRef ref) {
    return (isDevEui(ref.deviceId()) ? "AWS device with DevEUI " : "AWS wireless device ")
        + ref.deviceId();
  }

  @Override
  public CompletableFuture<EndDevice> fetch(DeviceRef ref) {
    String what = what(ref);
    return getDevice(ref, what).thenCompose(device -> {
      if (device.type() != WirelessDeviceType.LO_RA_WAN || device.loRaWAN() == null) {
        throw new MigrationException(what + " is a " + device.typeAsString()
            + " device, not LoRaWAN; TTS cannot take it");
      }
      if (isDevEui(ref.deviceId())) {
        wirelessIds.put(ref.deviceId(), device.id());
      }
      String profileId = device.loRaWAN().deviceProfileId();
      if (profileId == null || profileId.isEmpty()) {
        throw new MigrationException(
            what + " has no DeviceProfileId; its MAC settings are unknown");
      }
      return profile(profileId, what).thenApply(profile -> mapping.map(what, device, profile));
    });
  }

  private CompletableFuture<GetWirelessDeviceResponse> getDevice(DeviceRef ref, String what) {
    WirelessDeviceIdType type = isDevEui(ref.deviceId())
        ? WirelessDeviceIdType.DEV_EUI : WirelessDeviceIdType.WIRELESS_DEVICE_ID;
    return calls.call(what, "GetWirelessDevice", client -> client.getWirelessDevice(
        request -> request.identifier(ref.deviceId()).identifierType(type)));
  }

  private CompletableFuture<LoRaWANDeviceProfile> profile(String profileId, String what) {
    CompletableFuture<LoRaWANDeviceProfile> profile = profiles.computeIfAbsent(profileId,
        id -> calls.call(what + ": device profile " + id, "GetDeviceProfile",
            client -> client.getDeviceProfile(request -> request.id(id))).thenApply(answer -> {
              if (answer.loRaWAN() == null) {
                throw new MigrationException(
                    "device profile " + profileId + " has no LoRaWAN part");
              }
              return answer.loRaWAN();
            }));
    // A failed read is not kept: the next device of this profile tries again.
    profile.whenComplete((ok, failure) -> {
      if (failure != null) {
        profiles.remove(profileId, profile);
      }
    });
    return profile;
  }

  @Override
  public CompletableFuture<Void> disable(DeviceRef ref) {
    return CompletableFuture.failedFuture(new MigrationException(what(ref)
        + ": AWS IoT Core cannot disable a device; it can only be kept or deleted"));
  }

  @Override
  public CompletableFuture<Void> delete(DeviceRef ref) {
    String what = "deleting " + what(ref);
    CompletableFuture<Optional<String>> wirelessId = isDevEui(ref.deviceId())
        ? wirelessIdOf(ref, what) : CompletableFuture.completedFuture(Optional.of(ref.deviceId()));
    return wirelessId.thenCompose(id -> id.isEmpty() ? CompletableFuture.completedFuture(null)
        : calls.call(what, "DeleteWirelessDevice",
            client -> client.deleteWirelessDevice(request -> request.id(id.get())))
            .<Void>thenApply(answer -> null)
            .exceptionally(failure -> {
              if (!isNotFound(failure)) {
                throw Futures.unwrap(failure);
              }
              return null;
            }))
        .thenApply(done -> {
          report.deleted();
          return null;
        });
  }

  /** The wireless device ID of a device named by DevEUI; empty when it is gone already. */
  private CompletableFuture<Optional<String>> wirelessIdOf(DeviceRef ref, String what) {
    String known = wirelessIds.get(ref.deviceId());
    if (known != null) {
      return CompletableFuture.completedFuture(Optional.of(known));
    }
    return getDevice(ref, what).thenApply(device -> Optional.of(device.id()))
        .exceptionally(failure -> {
          if (!isNotFound(failure)) {
            throw Futures.unwrap(failure);
          }
          return Optional.empty();
        });
  }

  private static boolean isNotFound(Throwable failure) {
    return Futures.unwrap(failure) instanceof AwsCallException call && call.isNotFound();
  }

  @Override
  public void close() {
    calls.close();
    report.log();
  }
}
