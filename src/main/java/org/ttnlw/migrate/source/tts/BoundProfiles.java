package org.ttnlw.migrate.source.tts;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.core.Notices;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;
import org.ttnlw.migrate.tts.MacSettingsProfiles;
import org.ttnlw.migrate.tts.ProfileBinding;
import org.ttnlw.migrate.tts.RegistryCalls;

/**
 * Devices bound to a MAC settings profile are exported with the profile's settings as their own
 * {@code mac_settings}: the NS keeps no settings of its own for a bound device, and the profile
 * does not exist in a target until someone creates it there. The binding travels along only as
 * the device's one unknown field (see {@link ProfileBinding}), which JSON output leaves out and a
 * TTS target uses where it holds the same profile. Each application's profiles are listed once, on its first bound device; which
 * devices used which profile is a notice of the run, one line per profile.
 */
final class BoundProfiles {
  private final RegistryCalls calls;
  private final Map<String, CompletableFuture<Map<String, MACSettingsProfile>>> byApplication =
      new ConcurrentHashMap<>();
  private final Notices used = new Notices();

  BoundProfiles(RegistryCalls calls) {
    this.calls = calls;
  }

  /** The device with the settings of the profile it is bound to. */
  CompletableFuture<EndDevice> inline(DeviceRef ref, EndDevice device, ProfileBinding binding) {
    MACSettingsProfileIdentifiers ids = binding.ids();
    return byApplication.computeIfAbsent(ref.applicationId(), application ->
            MacSettingsProfiles.list(calls, application).thenApply(profiles -> profiles.stream()
                .collect(Collectors.toMap(profile -> profile.getIds().getProfileId(),
                    Function.identity()))))
        .thenApply(profiles -> {
          MACSettingsProfile profile = profiles.get(ids.getProfileId());
          if (profile == null) {
            throw new MigrationException("device " + ref + " is bound to MAC settings profile "
                + ids.getProfileId() + ", which application " + ref.applicationId()
                + " does not list; refused rather than exported without its MAC settings");
          }
          used.add("bound to MAC settings profile " + ref.applicationId() + "/"
              + ids.getProfileId() + ": exported with the profile's settings inline", ref);
          return binding.carriedIn(device.toBuilder().setMacSettings(profile.getMacSettings())
              .build());
        });
  }

  /** The profile each bound device used, said once per profile with a count. */
  Notices notices() {
    return used;
  }
}
