package org.ttnlw.migrate.source.chirpstack;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.Device;
import org.ttnlw.migrate.chirpstack.proto.DeviceKeys;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfile;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.RootKeys;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;
import org.ttnlw.migrate.source.lorawan.TtsLimits;

/** Turns what was read of a ChirpStack device into TTS's end device. */
final class DeviceMapper {
  static final String APPLICATION_ATTRIBUTE = "chirpstack-application-id";
  static final String PROFILE_ATTRIBUTE = "chirpstack-device-profile-id";
  static final String PROFILE_NAME_ATTRIBUTE = "chirpstack-device-profile-name";
  private static final Logger log = LoggerFactory.getLogger(DeviceMapper.class);
  private static final ByteString ZERO_EUI = ByteString.copyFrom(new byte[8]);

  private final ChirpStackConfig config;

  DeviceMapper(ChirpStackConfig config) {
    this.config = config;
  }

  EndDevice map(ReadDevice read) {
    Device device = read.device().getDevice();
    DeviceProfile profile = read.profile();
    String devEui = device.getDevEui().toLowerCase(Locale.ROOT);
    LorawanVersions.Versions versions =
        ChirpStackVersions.of(devEui, profile.getMacVersion(), profile.getRegParamsRevision());
    EndDevice.Builder out = EndDevice.newBuilder()
        .setIds(ids(devEui, device, profile.getSupportsOtaa()))
        .setName(TtsLimits.name(devEui, device.getName()))
        .setDescription(TtsLimits.description(devEui, device.getDescription()))
        .putAllAttributes(TtsLimits.attributes(devEui, attributes(devEui, device, profile)))
        .setSupportsJoin(profile.getSupportsOtaa())
        .setSupportsClassB(profile.getSupportsClassB())
        .setSupportsClassC(profile.getSupportsClassC())
        .setLorawanVersion(versions.mac())
        .setLorawanPhyVersion(versions.phy())
        .setFrequencyPlanId(RegionPlans.choose(devEui, profile.getRegion(),
            profile.getRegionConfigId(), config.frequencyPlan()).id())
        .setMacSettings(ProfileSettings.of(devEui, profile, device.getSkipFcntCheck()));
    Codecs.of(devEui, profile).ifPresent(out::setFormatters);
    if (profile.getSupportsOtaa()) {
      read.keys().ifPresentOrElse(keys -> out.setRootKeys(rootKeys(devEui, keys, versions.mac())),
          () -> log.warn("device {}: ChirpStack has no root keys for this OTAA device; exported"
              + " without them, so it cannot join TTS until they are set", devEui));
    }
    read.activation().ifPresent(answer -> {
      if (answer.hasDeviceActivation()) {
        out.setSession(Sessions.of(devEui, answer, versions.mac()));
      } else if (profile.getSupportsOtaa()) {
        log.info("device {}: never joined (ChirpStack has no activation); exported without"
            + " session", devEui);
      } else {
        log.warn("device {}: this ABP device has no activation in ChirpStack; exported without"
            + " DevAddr and session keys, which it needs before it can use TTS", devEui);
      }
    });
    return out.build();
  }

  private EndDeviceIdentifiers ids(String devEui, Device device, boolean otaa) {
    EndDeviceIdentifiers.Builder ids = EndDeviceIdentifiers.newBuilder()
        .setDeviceId(ChirpStackIds.deviceId(devEui))
        .setApplicationIds(ApplicationIdentifiers.newBuilder()
            .setApplicationId(ChirpStackIds.applicationId(device.getApplicationId())))
        .setDevEui(Sessions.bytes(devEui, "dev_eui", devEui, 8));
    if (otaa) {
      ids.setJoinEui(joinEui(devEui, device));
    }
    return ids.build();
  }

  /** The device's own JoinEUI; the operator's only where ChirpStack has none. */
  private ByteString joinEui(String devEui, Device device) {
    if (!device.getJoinEui().isEmpty()) {
      ByteString own = Sessions.bytes(devEui, "join_eui", device.getJoinEui(), 8);
      if (!own.equals(ZERO_EUI) || config.joinEui().isEmpty()) {
        return own;
      }
    }
    return config.joinEui().orElseGet(() -> {
      log.warn("device {}: ChirpStack has no JoinEUI for it and no --join-eui was given;"
          + " exported with JoinEUI 0000000000000000, which TTS only matches if the device uses"
          + " it", devEui);
      return ZERO_EUI;
    });
  }

  /** ChirpStack's IDs and profile name first, then tags, then (if asked) variables, by key. */
  private Map<String, String> attributes(String devEui, Device device, DeviceProfile profile) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(APPLICATION_ATTRIBUTE, device.getApplicationId());
    attributes.put(PROFILE_ATTRIBUTE, device.getDeviceProfileId());
    if (!profile.getName().isEmpty()) {
      attributes.put(PROFILE_NAME_ATTRIBUTE, profile.getName());
    }
    addAll(devEui, attributes, "tag", device.getTagsMap());
    if (config.exportVars()) {
      addAll(devEui, attributes, "variable", device.getVariablesMap());
    }
    return attributes;
  }

  private static void addAll(String devEui, Map<String, String> attributes, String kind,
      Map<String, String> values) {
    new TreeMap<>(values).forEach((key, value) -> {
      if (attributes.putIfAbsent(key, value) != null) {
        log.warn("device {}: {} \"{}\" left out: an attribute of that name is already exported",
            devEui, kind, key);
      }
    });
  }

  /** LoRaWAN 1.0.x has one root key, which ChirpStack keeps in nwk_key and TTS in app_key. */
  private static RootKeys rootKeys(String devEui, DeviceKeys keys, MACVersion mac) {
    RootKeys.Builder root = RootKeys.newBuilder();
    if (mac == MACVersion.MAC_V1_1) {
      root.setNwkKey(Sessions.key(devEui, "nwk_key", keys.getNwkKey()));
      root.setAppKey(Sessions.key(devEui, "app_key", keys.getAppKey()));
    } else {
      root.setAppKey(Sessions.key(devEui, "nwk_key", keys.getNwkKey()));
    }
    return root.build();
  }
}
