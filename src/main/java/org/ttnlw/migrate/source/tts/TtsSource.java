package org.ttnlw.migrate.source.tts;

import com.google.protobuf.FieldMask;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Notices;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.source.DeviceFact;
import org.ttnlw.migrate.source.ListedDevice;
import org.ttnlw.migrate.source.RestorableSource;
import org.ttnlw.migrate.source.SelectingSource;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.tts.DeviceRegistries;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.RightsPreflight;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Reads devices from The Things Stack's four registries over gRPC. What it disables (the
 * device's {@code mac_settings.schedule_downlinks}) it can put back, and a device it deletes it
 * keeps a copy of to re-create (see {@link DeviceCopies}).
 */
final class TtsSource implements SelectingSource, RestorableSource {
  /** How the journal keeps a device without its own {@code schedule_downlinks}. */
  private static final String UNSET = "unset";

  private static final Logger log = LoggerFactory.getLogger(TtsSource.class);
  private static final FieldMask SCHEDULE_DOWNLINKS =
      FieldMask.newBuilder().addPaths("mac_settings.schedule_downlinks").build();

  private final TtsConfig config;
  private final RegistryCalls calls;
  private final DeviceRegistries registries;
  private final BoundProfiles profiles;
  private final DeviceCopies copies;

  TtsSource(TtsConfig config, CallSettings context) {
    this.config = config;
    this.calls = new RegistryCalls(config.connection(), context);
    this.registries = new DeviceRegistries(calls, "source", config.exportCacs(),
        context.concurrency() == 1);
    this.profiles = new BoundProfiles(calls);
    this.copies = new DeviceCopies(calls, registries);
  }

  /**
   * The key's rights on each application (or on --app-id when devices are named by ID) against
   * what the run needs: devices read with their keys (the Join Server's root keys, the session
   * keys), and written when the source disables or deletes them, or re-creates them with their
   * keys.
   */
  @Override
  public void preflight(SourceNeeds needs) {
    Map<Right, String> needed = new LinkedHashMap<>();
    needed.put(Right.RIGHT_APPLICATION_DEVICES_READ, "reading the devices");
    needed.put(Right.RIGHT_APPLICATION_DEVICES_READ_KEYS, "reading their root and session keys");
    switch (needs.step()) {
      case DISABLE -> needed.put(Right.RIGHT_APPLICATION_DEVICES_WRITE,
          "disabling their downlinks at the source");
      case DELETE -> needed.put(Right.RIGHT_APPLICATION_DEVICES_WRITE,
          "deleting them at the source");
      case KEEP -> { }
    }
    if (needs.recreates()) {
      needed.put(Right.RIGHT_APPLICATION_DEVICES_WRITE, "re-creating the devices deleted there");
      needed.put(Right.RIGHT_APPLICATION_DEVICES_WRITE_KEYS, "writing their keys back");
    }
    List<String> applications = needs.applicationIds().isEmpty()
        ? config.appId().stream().toList() : needs.applicationIds();
    RightsPreflight rights = new RightsPreflight(calls, "source",
        config.connection().flagPrefix());
    applications.forEach(application -> rights.require(application, needed));
  }

  @Override
  public DeviceRef resolve(String deviceId) {
    String appId = config.appId().orElseThrow(() -> new ConfigException(
        "no application ID for device " + deviceId + ": set --app-id (or TTNV3_APP_ID)"));
    return new DeviceRef(appId, deviceId);
  }

  @Override
  public Iterator<DeviceRef> listDevices(String applicationId) {
    return DeviceLister.of(calls, applicationId);
  }

  @Override
  public Iterator<ListedDevice> listDevices(String applicationId, Set<DeviceFact> facts) {
    return DeviceLister.listed(calls, applicationId, facts);
  }

  /**
   * The device without the server addresses and DevAddr: the target deployment sets its own. A
   * device bound to a MAC settings profile has the profile's settings as its own (see {@link
   * BoundProfiles}).
   */
  @Override
  public CompletableFuture<EndDevice> fetch(DeviceRef ref) {
    return registries.read(ref, "device " + ref).thenCompose(read -> {
      if (!read.onJoinServer() && read.device().getSupportsJoin()) {
        log.warn("device {}: an OTAA device the Join Server does not hold (its Join Server is"
            + " external?); exporting without root keys", ref);
      }
      EndDevice.Builder device = read.device().toBuilder()
          .clearNetworkServerAddress()
          .clearApplicationServerAddress()
          .clearJoinServerAddress();
      device.getIdsBuilder().clearDevAddr();
      return read.profile().map(profile -> profiles.inline(ref, device.build(), profile))
          .orElseGet(() -> CompletableFuture.completedFuture(device.build()));
    });
  }

  @Override
  public CompletableFuture<Void> disable(DeviceRef ref) {
    EndDevice device = EndDevice.newBuilder()
        .setIds(DeviceRegistries.ids(ref))
        .setMacSettings(MACSettings.newBuilder()
            .setScheduleDownlinks(BoolValue.newBuilder().setValue(false)))
        .build();
    return calls.write(TtsServer.NETWORK_SERVER, device, SCHEDULE_DOWNLINKS,
            "disabling downlinks of device " + ref)
        .thenApply(answer -> null);
  }

  @Override
  public CompletableFuture<Void> delete(DeviceRef ref) {
    return registries.delete(ref, "deleting device " + ref);
  }

  /**
   * Before a disable: the NS's {@code schedule_downlinks} of the device ("unset" without one);
   * before a delete: the whole device.
   */
  @Override
  public CompletableFuture<Optional<String>> before(DeviceRef ref, SourceStep step) {
    return switch (step) {
      case DISABLE -> downlinkSetting(ref).thenApply(Optional::of);
      case DELETE -> copies.keep(ref).thenApply(Optional::of);
      case KEEP -> CompletableFuture.completedFuture(Optional.empty());
    };
  }

  private CompletableFuture<String> downlinkSetting(DeviceRef ref) {
    GetEndDeviceRequest request = GetEndDeviceRequest.newBuilder()
        .setEndDeviceIds(DeviceRegistries.ids(ref))
        .setFieldMask(SCHEDULE_DOWNLINKS)
        .build();
    return calls.call(TtsServer.NETWORK_SERVER, TtsServer.NETWORK_SERVER.getMethod(), request,
            "reading the downlink setting of device " + ref)
        .thenApply(RetryingCalls.Answer::message)
        .thenApply(device -> device.getMacSettings().hasScheduleDownlinks()
            ? Boolean.toString(device.getMacSettings().getScheduleDownlinks().getValue())
            : UNSET);
  }

  /**
   * Writes the recorded {@code schedule_downlinks} back, or clears it where there was none; or
   * re-creates a deleted device from its copy.
   */
  @Override
  public CompletableFuture<Restored> restore(DeviceRef ref, SourceStep step, String before) {
    return switch (step) {
      case DISABLE -> restoreDownlinks(ref, before).thenApply(done -> Restored.RESTORED);
      case DELETE -> copies.recreate(ref, before);
      case KEEP -> throw new IllegalArgumentException("nothing to restore after " + step);
    };
  }

  private CompletableFuture<Void> restoreDownlinks(DeviceRef ref, String before) {
    EndDevice.Builder device = EndDevice.newBuilder().setIds(DeviceRegistries.ids(ref));
    if (!before.equals(UNSET)) {
      device.getMacSettingsBuilder().setScheduleDownlinks(
          BoolValue.newBuilder().setValue(Boolean.parseBoolean(before)));
    }
    return calls.write(TtsServer.NETWORK_SERVER, device.build(), SCHEDULE_DOWNLINKS,
            "restoring the downlinks of device " + ref)
        .thenApply(answer -> null);
  }

  @Override
  public Notices notices() {
    return profiles.notices();
  }

  @Override
  public void close() {
    calls.close();
  }
}
