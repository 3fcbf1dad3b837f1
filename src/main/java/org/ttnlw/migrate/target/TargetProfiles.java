package org.ttnlw.migrate.target;

import io.grpc.Status;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.tts.DeviceRegistries;
import org.ttnlw.migrate.tts.MacSettingsProfiles;
import org.ttnlw.migrate.tts.MessageComparison;
import org.ttnlw.migrate.tts.ProfileBinding;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsCallException;

/**
 * Which devices bound to a MAC settings profile in the source are bound to it in the target: those
 * whose target application holds a profile of the same ID whose settings equal, order-free, the
 * ones the device was exported with. The others keep the settings inline, with one notice per
 * profile, or one for the run where the target has no profiles at all or refuses the binding.
 * The target's profiles are listed once, on the first bound device. A device bound in the target
 * is compared and verified with the settings its profile holds when it is read ({@link
 * #effective}).
 */
final class TargetProfiles {
  private static final Logger log = LoggerFactory.getLogger(TargetProfiles.class);
  private static final String BINDING_PATH = ProfileBinding.MASK.getPaths(0);

  private final RegistryCalls calls;
  private final String appId;
  private final AtomicBoolean enabled;
  private final Set<String> told = ConcurrentHashMap.newKeySet();
  private volatile CompletableFuture<Map<String, MACSettingsProfile>> listed;

  TargetProfiles(RegistryCalls calls, TargetConfig config) {
    this.calls = calls;
    this.appId = config.appId();
    this.enabled = new AtomicBoolean(config.keepProfiles());
  }

  /** The binding {@code exported} gets in the target, or empty where its settings go inline. */
  CompletableFuture<Optional<ProfileBinding>> bindingFor(EndDevice exported) {
    Optional<ProfileBinding> carried = ProfileBinding.carriedBy(exported);
    if (carried.isEmpty() || !enabled.get()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    ProfileBinding binding = carried.get().in(appId);
    return profiles().thenApply(profiles -> {
      MACSettingsProfile profile = profiles.get(binding.profileId());
      if (profile != null
          && MessageComparison.equal(profile.getMacSettings(), exported.getMacSettings())) {
        return Optional.of(binding);
      }
      if (enabled.get() && told.add(binding.profileId())) {
        log.warn("MAC settings profile {}: target application {} {}; the devices bound to it"
            + " get its settings inline", binding.profileId(), appId,
            profile == null ? "holds no profile of that ID" : "holds one with other settings");
      }
      return Optional.empty();
    });
  }

  private synchronized CompletableFuture<Map<String, MACSettingsProfile>> profiles() {
    if (listed == null) {
      listed = MacSettingsProfiles.list(calls, appId)
          .thenApply(profiles -> profiles.stream().collect(Collectors.toMap(
              profile -> profile.getIds().getProfileId(), Function.identity())))
          .exceptionally(failure -> {
            if (Futures.unwrap(failure) instanceof TtsCallException call
                && call.code() == Status.Code.UNIMPLEMENTED) {
              disable("has no MAC settings profiles (it predates TTS 3.33.0)");
              return Map.of();
            }
            throw Futures.unwrap(failure);
          });
    }
    return listed;
  }

  /**
   * Whether {@code failure} is the target NS refusing the binding's path (before TTS 3.34.1);
   * binding is then off for the rest of the run.
   */
  boolean refusedBy(Throwable failure) {
    if (!(Futures.unwrap(failure) instanceof TtsCallException call)
        || !call.forbiddenPaths().contains(BINDING_PATH)) {
      return false;
    }
    disable("does not bind devices to MAC settings profiles (it predates TTS 3.34.1)");
    return true;
  }

  private void disable(String why) {
    if (enabled.compareAndSet(true, false)) {
      log.warn("the target Network Server {}: devices bound to a profile in the source get the"
          + " profile's settings inline", why);
    }
  }

  /**
   * The device as the target's NS works with it: where it is bound to a profile, with that
   * profile's MAC settings, read now, as its own, so that a bound and an inline device are
   * compared and verified alike.
   */
  CompletableFuture<EndDevice> effective(DeviceRef ref, DeviceRegistries.Read read) {
    if (read.profile().isEmpty()) {
      return CompletableFuture.completedFuture(read.device());
    }
    ProfileBinding binding = read.profile().get();
    return MacSettingsProfiles.get(calls, binding.ids(), "reading MAC settings profile "
            + binding.profileId() + " that device " + ref + " is bound to in the target")
        .thenApply(profile -> read.device().toBuilder()
            .setMacSettings(profile.getMacSettings()).build());
  }

  /** Whether the device read is bound to {@code binding}'s profile. */
  static boolean isBound(DeviceRegistries.Read read, ProfileBinding binding) {
    return read.profile().map(ProfileBinding::ids).filter(binding.ids()::equals).isPresent();
  }

  /** Fails unless the device read back is bound to {@code binding}'s profile. */
  static void check(DeviceRef ref, DeviceRegistries.Read read, ProfileBinding binding) {
    if (!isBound(read, binding)) {
      throw new TargetDeviceException("device " + ref + ": read back from the target, it is not"
          + " bound to MAC settings profile " + binding.profileId());
    }
  }
}
