package org.ttnlw.migrate.source.tts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;
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
 * devices used which profile is told in the remarks, one line per profile.
 */
final class BoundProfiles {
  private static final int DEVICES_NAMED = 5;

  private final RegistryCalls calls;
  private final Map<String, CompletableFuture<Map<String, MACSettingsProfile>>> byApplication =
      new ConcurrentHashMap<>();
  private final Map<String, List<String>> devicesByProfile = new TreeMap<>();

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
          used(ref, ids);
          return binding.carriedIn(device.toBuilder().setMacSettings(profile.getMacSettings())
              .build());
        });
  }

  private synchronized void used(DeviceRef ref, MACSettingsProfileIdentifiers ids) {
    devicesByProfile.computeIfAbsent(ref.applicationId() + "/" + ids.getProfileId(),
        key -> new ArrayList<>()).add(ref.deviceId());
  }

  /** One line per profile that bound devices used. */
  synchronized List<String> remarks() {
    List<String> lines = new ArrayList<>();
    devicesByProfile.forEach((profile, devices) -> {
      List<String> sorted = devices.stream().sorted().toList();
      String named = String.join(", ", sorted.subList(0, Math.min(DEVICES_NAMED, sorted.size())))
          + (sorted.size() > DEVICES_NAMED ? " and " + (sorted.size() - DEVICES_NAMED) + " more"
          : "");
      lines.add("MAC settings profile " + profile + ": " + sorted.size() + " device(s) bound to"
          + " it exported with its settings inline (" + named + ")");
    });
    return lines;
  }
}
