package org.ttnlw.migrate.source.awsiot;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.RootKeys;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;
import org.ttnlw.migrate.source.lorawan.TtsLimits;
import software.amazon.awssdk.services.iotwireless.model.FPorts;
import software.amazon.awssdk.services.iotwireless.model.GetWirelessDeviceResponse;
import software.amazon.awssdk.services.iotwireless.model.LoRaWANDevice;
import software.amazon.awssdk.services.iotwireless.model.LoRaWANDeviceProfile;
import software.amazon.awssdk.services.iotwireless.model.OtaaV1_0_x;
import software.amazon.awssdk.services.iotwireless.model.OtaaV1_1;
import software.amazon.awssdk.services.iotwireless.model.SessionKeysAbpV1_0_x;
import software.amazon.awssdk.services.iotwireless.model.SessionKeysAbpV1_1;

/**
 * One AWS wireless device and its device profile as a TTS end device. The device ID is derived
 * from the DevEUI ({@code eui-<hex>}); AWS's own IDs and names are kept as attributes. OTAA or ABP
 * follows the activation object the device holds, checked against the profile; a key or value
 * that cannot be carried over faithfully stops the device with a message naming it.
 */
final class DeviceMapping {
  static final String WIRELESS_DEVICE_ID_ATTRIBUTE = "aws-wireless-device-id";
  static final String DESTINATION_ATTRIBUTE = "aws-destination-name";
  static final String THING_NAME_ATTRIBUTE = "aws-thing-name";
  static final String FULL_NAME_ATTRIBUTE = "aws-name";
  private static final Logger log = LoggerFactory.getLogger(DeviceMapping.class);
  private static final Pattern EUI = Pattern.compile("[0-9a-fA-F]{16}");
  private static final Pattern KEY = Pattern.compile("[0-9a-fA-F]{32}");
  private static final Pattern DEV_ADDR = Pattern.compile("[0-9a-fA-F]{8}");

  private final AwsIotConfig config;
  private final FrequencyPlan plan;
  private final AwsIotReport report;

  DeviceMapping(AwsIotConfig config, AwsIotReport report) {
    this.config = config;
    this.plan = config.plan();
    this.report = report;
  }

  /** The device {@code what} names ("AWS wireless device ID"), in TTS's model. */
  EndDevice map(String what, GetWirelessDeviceResponse device, LoRaWANDeviceProfile profile) {
    try {
      return build(what, device, profile);
    } catch (IllegalArgumentException e) {
      throw new MigrationException(what + ": " + e.getMessage());
    }
  }

  private EndDevice build(String what, GetWirelessDeviceResponse device,
      LoRaWANDeviceProfile profile) {
    LoRaWANDevice lorawan = device.loRaWAN();
    String devEui = hex("DevEui", lorawan.devEui(), EUI).toLowerCase(Locale.ROOT);
    checkBand(what, profile.rfRegion());
    LorawanVersions.Versions versions = versions(profile);
    Activation activation = Activation.of(lorawan);
    String conflict = activation.conflict(profile.supportsJoin(), versions.mac());
    if (conflict != null) {
      throw new IllegalArgumentException(conflict);
    }

    EndDevice.Builder out = EndDevice.newBuilder()
        .setIds(EndDeviceIdentifiers.newBuilder()
            .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(config.appId()))
            .setDeviceId("eui-" + devEui)
            .setDevEui(bytes("DevEui", devEui, EUI)))
        .setFrequencyPlanId(plan.id())
        .setLorawanVersion(versions.mac())
        .setLorawanPhyVersion(versions.phy())
        .setSupportsJoin(activation.otaa())
        .setSupportsClassB(Boolean.TRUE.equals(profile.supportsClassB()))
        .setSupportsClassC(Boolean.TRUE.equals(profile.supportsClassC()))
        .setMacSettings(ProfileSettings.of(profile, versions.mac(), config.supports32BitFCnt()));
    boolean countersKnown = switch (activation) {
      case OTAA_V1_0_X -> otaa10(out, lorawan.otaaV1_0_x(), what);
      case OTAA_V1_1 -> otaa11(out, lorawan.otaaV1_1());
      case ABP_V1_0_X -> abp(out, lorawan.abpV1_0_x().devAddr(),
          keys(lorawan.abpV1_0_x().sessionKeys()), lorawan.abpV1_0_x().fCntStart(), false, devEui,
          what);
      case ABP_V1_1 -> abp(out, lorawan.abpV1_1().devAddr(), keys(lorawan.abpV1_1().sessionKeys()),
          lorawan.abpV1_1().fCntStart(), true, devEui, what);
    };
    warnUnexported(what, lorawan.fPorts(), ProfileSettings.unexported(profile));
    describe(out, device);
    report.read(activation, countersKnown);
    return TtsLimits.apply(what, out.build());
  }

  private void checkBand(String what, String region) {
    if (region == null || region.isBlank()) {
      log.warn("{}: its device profile has no RfRegion, so frequency plan {} cannot be checked"
          + " against it", what, plan.id());
      return;
    }
    FrequencyPlans.bandProblem(plan, region).ifPresent(problem -> {
      throw new IllegalArgumentException(problem + "; set --frequency-plan-id to a plan of the"
          + " device's band, and export devices of other bands in a separate run");
    });
  }

  private LorawanVersions.Versions versions(LoRaWANDeviceProfile profile) {
    if (config.macVersion().isPresent()) {
      return config.macVersion().get();
    }
    if (profile.macVersion() == null) {
      throw new IllegalArgumentException("its device profile has no MacVersion; set --mac-version");
    }
    try {
      return LorawanVersions.of(profile.macVersion(), profile.regParamsRevision());
    } catch (LorawanVersions.UnknownVersionException e) {
      throw new IllegalArgumentException("device profile MacVersion \"" + profile.macVersion()
          + "\", RegParamsRevision \"" + profile.regParamsRevision() + "\": " + e.getMessage()
          + "; set --mac-version to override");
    }
  }

  private static boolean otaa10(EndDevice.Builder out, OtaaV1_0_x otaa, String what) {
    String joinEui = otaa.joinEui();
    if (otaa.appEui() != null && joinEui != null
        && !otaa.appEui().equalsIgnoreCase(joinEui)) {
      throw new IllegalArgumentException("OtaaV1_0_x has AppEui " + otaa.appEui()
          + " and a different JoinEui " + joinEui + "; which one the device uses is unknown");
    }
    out.getIdsBuilder().setJoinEui(bytes("AppEui/JoinEui",
        otaa.appEui() != null ? otaa.appEui() : joinEui, EUI));
    out.setRootKeys(RootKeys.newBuilder().setAppKey(key("AppKey", otaa.appKey())));
    if (otaa.genAppKey() != null) {
      log.warn("{}: its GenAppKey (multicast/FUOTA) is not exported: TTS has no place for it on"
          + " import", what);
    }
    return false;
  }

  private static boolean otaa11(EndDevice.Builder out, OtaaV1_1 otaa) {
    out.getIdsBuilder().setJoinEui(bytes("JoinEui", otaa.joinEui(), EUI));
    out.setRootKeys(RootKeys.newBuilder()
        .setAppKey(key("AppKey", otaa.appKey()))
        .setNwkKey(key("NwkKey", otaa.nwkKey())));
    return false;
  }

  private static SessionKeys keys(SessionKeysAbpV1_0_x keys) {
    if (keys == null) {
      throw new IllegalArgumentException("AbpV1_0_x has no SessionKeys");
    }
    return SessionKeys.newBuilder()
        .setFNwkSIntKey(key("NwkSKey", keys.nwkSKey()))
        .setAppSKey(key("AppSKey", keys.appSKey()))
        .build();
  }

  private static SessionKeys keys(SessionKeysAbpV1_1 keys) {
    if (keys == null) {
      throw new IllegalArgumentException("AbpV1_1 has no SessionKeys");
    }
    return SessionKeys.newBuilder()
        .setFNwkSIntKey(key("FNwkSIntKey", keys.fNwkSIntKey()))
        .setSNwkSIntKey(key("SNwkSIntKey", keys.sNwkSIntKey()))
        .setNwkSEncKey(key("NwkSEncKey", keys.nwkSEncKey()))
        .setAppSKey(key("AppSKey", keys.appSKey()))
        .build();
  }

  /**
   * Sets the session with the operator's frame counters, or, without them, tells TTS to accept
   * the device's counters from 0. Returns whether the counters were known.
   */
  private boolean abp(EndDevice.Builder out, String devAddr, SessionKeys keys, Integer fCntStart,
      boolean lorawan11, String devEui, String what) {
    Session.Builder session = Session.newBuilder()
        .setDevAddr(bytes("DevAddr", devAddr, DEV_ADDR))
        .setKeys(keys);
    Optional<FrameCounters.Counters> counters = config.frameCounters().of(devEui);
    if (counters.isPresent()) {
      session.setLastFCntUp((int) counters.get().up())
          .setLastNFCntDown((int) counters.get().down());
      if (lorawan11) {
        session.setLastAFCntDown((int) counters.get().down());
      }
    } else {
      MACSettings.Builder mac = out.getMacSettingsBuilder();
      mac.setResetsFCnt(BoolValue.newBuilder().setValue(true));
      log.warn("{}: ABP device exported WITHOUT its frame counters: AWS does not expose them"
          + (fCntStart == null ? "" : " (FCntStart " + fCntStart + " is only the value set at"
              + " provisioning)")
          + ". TTS will accept counters from 0 (mac_settings.resets_f_cnt), which weakens replay"
          + " protection; give its counters with --frame-counters to keep them", what);
    }
    out.setSession(session);
    return counters.isPresent();
  }

  private static void warnUnexported(String what, FPorts fPorts, List<String> profileMembers) {
    if (fPorts != null) {
      log.warn("{}: its FPorts (FUOTA, multicast, clock sync, positioning) are not exported: TTS"
          + " configures application packages per application", what);
    }
    if (!profileMembers.isEmpty()) {
      log.warn("{}: device profile {} not exported: AWS does not state their unit (dBm or code,"
          + " percent or exponent), so TTS keeps the frequency plan's values", what,
          String.join(", ", profileMembers));
    }
  }

  private static void describe(EndDevice.Builder out, GetWirelessDeviceResponse device) {
    String name = device.name() == null ? "" : device.name();
    out.setName(name);
    out.setDescription(device.description() == null ? "" : device.description());
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(WIRELESS_DEVICE_ID_ATTRIBUTE, device.id());
    putIfSet(attributes, DESTINATION_ATTRIBUTE, device.destinationName());
    putIfSet(attributes, THING_NAME_ATTRIBUTE, device.thingName());
    if (name.codePointCount(0, name.length()) > TtsLimits.NAME_MAX_LENGTH) {
      attributes.put(FULL_NAME_ATTRIBUTE, name);
    }
    out.putAllAttributes(attributes);
  }

  private static void putIfSet(Map<String, String> attributes, String key, String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(key, value);
    }
  }

  private static KeyEnvelope key(String member, String hex) {
    return KeyEnvelope.newBuilder().setKey(bytes(member, hex, KEY)).build();
  }

  private static ByteString bytes(String member, String hex, Pattern format) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex(member, hex, format)));
  }

  /** The hex value of a member, checked; the message never repeats a key's value. */
  private static String hex(String member, String hex, Pattern format) {
    if (hex == null || hex.isEmpty()) {
      throw new IllegalArgumentException(member + " is missing");
    }
    if (!format.matcher(hex).matches()) {
      throw new IllegalArgumentException(member + " is not " + format.pattern().replaceAll(
          ".*\\{(\\d+)}", "$1") + " hex digits");
    }
    return hex;
  }
}
