package org.ttnlw.migrate.source.chirpstack;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.ActivateDeviceRequest;
import org.ttnlw.migrate.chirpstack.proto.ApplicationServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.CreateDeviceKeysRequest;
import org.ttnlw.migrate.chirpstack.proto.CreateDeviceRequest;
import org.ttnlw.migrate.chirpstack.proto.DeleteDeviceRequest;
import org.ttnlw.migrate.chirpstack.proto.DeviceKeys;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfile;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfileServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.DeviceServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.GetApplicationRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceActivationRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceActivationResponse;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceKeysRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceProfileRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceRequest;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceResponse;
import org.ttnlw.migrate.chirpstack.proto.UpdateDeviceRequest;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.DeviceFact;
import org.ttnlw.migrate.source.ListedDevice;
import org.ttnlw.migrate.source.RestorableSource;
import org.ttnlw.migrate.source.SelectingSource;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;

/**
 * Reads devices from ChirpStack v4: the device, its profile (read once per profile), its root
 * keys (OTAA) and its activation (ABP, or OTAA with --export-session). A device is named by its
 * DevEUI alone, which ChirpStack keeps unique across the server.
 */
final class ChirpStackSource implements SelectingSource, RestorableSource {
  private static final Logger log = LoggerFactory.getLogger(ChirpStackSource.class);

  private final ChirpStackConfig config;
  private final ChirpStackCalls calls;
  private final DeviceMapper mapper;
  private final boolean sequential;
  private final Map<String, CompletableFuture<DeviceProfile>> profiles = new ConcurrentHashMap<>();

  ChirpStackSource(ChirpStackConfig config, CallSettings context) {
    this.config = config;
    this.calls = new ChirpStackCalls(config, context);
    this.mapper = new DeviceMapper(config);
    this.sequential = context.concurrency() == 1;
  }

  /**
   * ApplicationService/Get of each application, not retried: proves the address, TLS, the key and
   * that the key sees the application. Devices named by DevEUI have no application to ask for;
   * their first Get is the check, and its failure stops the run as a run-wide one.
   */
  @Override
  public void preflight(SourceNeeds needs) {
    for (String application : needs.applicationIds()) {
      String id = application.toLowerCase(Locale.ROOT);
      try {
        Futures.await(calls.callOnce(ApplicationServiceGrpc.getGetMethod(),
            GetApplicationRequest.newBuilder().setId(id).build(),
            "checking the source application " + id));
      } catch (ChirpStackCallException e) {
        throw new ConfigException("source: " + e.getMessage() + (e.isMissingOrHidden()
            ? "; the application does not exist, or the key (--api-key) cannot see it"
            : e.failsEveryItem() ? "; check --api-key, --api-url and the TLS flags" : "")
            + "; nothing was exported or changed");
      }
    }
  }

  @Override
  public DeviceRef resolve(String devEui) {
    return new DeviceRef("", devEui.toLowerCase(Locale.ROOT));
  }

  @Override
  public Iterator<DeviceRef> listDevices(String applicationId) {
    return DeviceLister.of(calls, applicationId.toLowerCase(Locale.ROOT));
  }

  /**
   * Attributes (tags), profile name and last activity from the list; activation and frequency
   * plan from the device profiles, each read once for the run.
   */
  @Override
  public Iterator<ListedDevice> listDevices(String applicationId, Set<DeviceFact> facts) {
    boolean fromProfiles = facts.contains(DeviceFact.ACTIVATION)
        || facts.contains(DeviceFact.FREQUENCY_PLAN);
    return DeviceLister.of(calls, applicationId.toLowerCase(Locale.ROOT), items -> {
      List<CompletableFuture<ListedDevice>> page = items.stream().map(item -> {
        ListedDevice listed = ListedDevice.of(DeviceLister.ref(item))
            .withAttributes(item.getTagsMap())
            .withProfile(item.getDeviceProfileName())
            .withLastSeen(DeviceLister.lastSeen(item));
        return !fromProfiles ? CompletableFuture.completedFuture(listed)
            : profile(listed.ref().deviceId(), item.getDeviceProfileId())
                .thenApply(profile -> listed.withActivationAndPlan(profile.getSupportsOtaa(),
                    config.frequencyPlan().or(() -> RegionPlans.of(profile.getRegion(),
                        profile.getRegionConfigId())).map(FrequencyPlan::id)));
      }).toList();
      return CompletableFuture.allOf(page.toArray(CompletableFuture[]::new))
          .thenApply(done -> page.stream().map(CompletableFuture::join).toList());
    });
  }

  @Override
  public CompletableFuture<EndDevice> fetch(DeviceRef ref) {
    String devEui = ref.deviceId();
    return getDevice(devEui, "device " + devEui)
        .thenCompose(device -> profile(devEui, device.getDevice().getDeviceProfileId())
            .thenCompose(profile -> readRest(devEui, device, profile)))
        .thenApply(mapper::map);
  }

  private CompletableFuture<GetDeviceResponse> getDevice(String devEui, String what) {
    return calls.call(DeviceServiceGrpc.getGetMethod(),
            GetDeviceRequest.newBuilder().setDevEui(devEui).build(), what)
        .exceptionally(rethrow(e -> e.isMissingOrHidden()
            ? new MigrationException(what + ": not found, or not visible to this API key ("
                + e.getMessage() + ")", e)
            : e));
  }

  private CompletableFuture<DeviceProfile> profile(String devEui, String profileId) {
    CompletableFuture<DeviceProfile> profile = profiles.computeIfAbsent(profileId, id ->
        calls.call(DeviceProfileServiceGrpc.getGetMethod(),
                GetDeviceProfileRequest.newBuilder().setId(id).build(), "device profile " + id)
            .thenApply(answer -> answer.getDeviceProfile()));
    return profile.exceptionally(rethrow(e -> {
      profiles.remove(profileId, profile);
      return new MigrationException("device " + devEui + ": its device profile cannot be read ("
          + e.getMessage() + ")", e);
    }));
  }

  private CompletableFuture<ReadDevice> readRest(String devEui, GetDeviceResponse device,
      DeviceProfile profile) {
    boolean otaa = profile.getSupportsOtaa();
    boolean withSession = !otaa || config.exportSession();
    CompletableFuture<Optional<DeviceKeys>> keys = otaa
        ? keys(devEui) : CompletableFuture.completedFuture(Optional.empty());
    CompletableFuture<?> before = sequential ? keys : CompletableFuture.completedFuture(null);
    CompletableFuture<Optional<GetDeviceActivationResponse>> activation = withSession
        ? before.thenCompose(ignored -> activation(devEui))
        : CompletableFuture.completedFuture(Optional.empty());
    return keys.thenCombine(activation, (k, a) -> new ReadDevice(device, profile, k, a));
  }

  private CompletableFuture<Optional<DeviceKeys>> keys(String devEui) {
    return calls.call(DeviceServiceGrpc.getGetKeysMethod(),
            GetDeviceKeysRequest.newBuilder().setDevEui(devEui).build(),
            "root keys of device " + devEui)
        .thenApply(answer -> Optional.of(answer.getDeviceKeys()))
        .exceptionally(failure -> {
          if (Futures.unwrap(failure) instanceof ChirpStackCallException e && e.isNotFound()) {
            return Optional.empty();
          }
          throw Futures.unwrap(failure);
        });
  }

  private CompletableFuture<Optional<GetDeviceActivationResponse>> activation(String devEui) {
    return calls.call(DeviceServiceGrpc.getGetActivationMethod(),
            GetDeviceActivationRequest.newBuilder().setDevEui(devEui).build(),
            "session of device " + devEui)
        .thenApply(Optional::of);
  }

  /**
   * Disables the device in ChirpStack: Update with the device as read just before, and {@code
   * is_disabled} set. A device already disabled is left alone.
   */
  @Override
  public CompletableFuture<Void> disable(DeviceRef ref) {
    return setDisabled(ref, true, "disabling device " + ref.deviceId());
  }

  /**
   * Before a disable: the device's {@code is_disabled}; before a delete: a copy of the device,
   * its root keys and its activation, each as protobuf in a {@link KeptCopy}, joined by ":".
   */
  @Override
  public CompletableFuture<Optional<String>> before(DeviceRef ref, SourceStep step) {
    String devEui = ref.deviceId();
    return switch (step) {
      case DISABLE -> getDevice(devEui, "reading whether device " + devEui + " is disabled")
          .thenApply(answer -> Optional.of(Boolean.toString(answer.getDevice().getIsDisabled())));
      case DELETE -> readWhole(devEui, "keeping a copy of device " + devEui + " before deleting"
          + " it").thenApply(whole -> Optional.of(whole.copy()));
      case KEEP -> CompletableFuture.completedFuture(Optional.empty());
    };
  }

  /** Sets {@code is_disabled} back as recorded, or re-creates a deleted device from its copy. */
  @Override
  public CompletableFuture<Restored> restore(DeviceRef ref, SourceStep step, String before) {
    return switch (step) {
      case DISABLE -> setDisabled(ref, Boolean.parseBoolean(before), "restoring device "
          + ref.deviceId()).thenApply(done -> Restored.RESTORED);
      case DELETE -> recreate(ref.deviceId(), WholeDevice.of(before, "re-creating device "
          + ref.deviceId() + " at the source"));
      case KEEP -> throw new IllegalArgumentException("nothing to restore after " + step);
    };
  }

  private CompletableFuture<WholeDevice> readWhole(String devEui, String what) {
    return getDevice(devEui, what).thenCompose(device -> keys(devEui).thenCompose(keys ->
        activation(devEui).thenApply(activation -> new WholeDevice(device.getDevice(), keys,
            activation.filter(GetDeviceActivationResponse::hasDeviceActivation)
                .map(GetDeviceActivationResponse::getDeviceActivation)))));
  }

  /**
   * Create, CreateKeys and Activate as the copy holds them, then read back; a device of the
   * DevEUI that ChirpStack holds again is left as it is.
   */
  private CompletableFuture<Restored> recreate(String devEui, WholeDevice copy) {
    String what = "re-creating device " + devEui + " at the source";
    CompletableFuture<Boolean> exists = calls.call(DeviceServiceGrpc.getGetMethod(),
            GetDeviceRequest.newBuilder().setDevEui(devEui).build(), what)
        .thenApply(answer -> true)
        .exceptionally(failure -> {
          if (Futures.unwrap(failure) instanceof ChirpStackCallException e && e.isNotFound()) {
            return false;
          }
          throw Futures.unwrap(failure);
        });
    return exists.thenCompose(there -> {
      if (there) {
        return CompletableFuture.completedFuture(Restored.FOUND_THERE);
      }
      CompletableFuture<?> done = calls.call(DeviceServiceGrpc.getCreateMethod(),
          CreateDeviceRequest.newBuilder().setDevice(copy.device()).build(), what);
      if (copy.keys().isPresent()) {
        done = done.thenCompose(ignored -> calls.call(DeviceServiceGrpc.getCreateKeysMethod(),
            CreateDeviceKeysRequest.newBuilder().setDeviceKeys(copy.keys().get()).build(), what));
      }
      if (copy.activation().isPresent()) {
        done = done.thenCompose(ignored -> calls.call(DeviceServiceGrpc.getActivateMethod(),
            ActivateDeviceRequest.newBuilder().setDeviceActivation(copy.activation().get())
                .build(), what));
      }
      return done.thenCompose(ignored -> readWhole(devEui, "reading device " + devEui
          + " back at the source")).thenApply(read -> {
            if (!read.equals(copy)) {
              throw new MigrationException("device " + devEui + ": re-created at the source, it"
                  + " differs from the journal's copy in " + copy.differences(read));
            }
            return Restored.RESTORED;
          });
    });
  }

  /** Update with the device as read just before and {@code is_disabled} set; none if it is so. */
  private CompletableFuture<Void> setDisabled(DeviceRef ref, boolean disabled, String what) {
    return getDevice(ref.deviceId(), what).thenCompose(answer -> {
      if (answer.getDevice().getIsDisabled() == disabled) {
        log.debug("device {}: is_disabled is {} in ChirpStack already", ref.deviceId(), disabled);
        return CompletableFuture.completedFuture(null);
      }
      UpdateDeviceRequest request = UpdateDeviceRequest.newBuilder()
          .setDevice(answer.getDevice().toBuilder().setIsDisabled(disabled))
          .build();
      return calls.call(DeviceServiceGrpc.getUpdateMethod(), request, what)
          .thenApply(empty -> null);
    });
  }

  @Override
  public CompletableFuture<Void> delete(DeviceRef ref) {
    return calls.call(DeviceServiceGrpc.getDeleteMethod(),
            DeleteDeviceRequest.newBuilder().setDevEui(ref.deviceId()).build(),
            "deleting device " + ref.deviceId())
        .<Void>thenApply(empty -> null)
        .exceptionally(failure -> {
          if (Futures.unwrap(failure) instanceof ChirpStackCallException e && e.isNotFound()) {
            log.debug("device {}: already gone from ChirpStack", ref.deviceId());
            return null;
          }
          throw Futures.unwrap(failure);
        });
  }

  /** Rethrows a failed call's exception, or what {@code replace} makes of a ChirpStack one. */
  private static <T> Function<Throwable, T> rethrow(
      Function<ChirpStackCallException, RuntimeException> replace) {
    return failure -> {
      RuntimeException cause = Futures.unwrap(failure);
      throw cause instanceof ChirpStackCallException call ? replace.apply(call) : cause;
    };
  }

  @Override
  public void close() {
    calls.close();
  }
}
