package org.ttnlw.migrate.source.firefly;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.DataRateIndexValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.LocationSource;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.RootKeys;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;
import org.ttnlw.migrate.source.lorawan.Hex;
import org.ttnlw.migrate.source.lorawan.MissingValues;
import org.ttnlw.migrate.source.lorawan.TtsLimits;

/**
 * Turns Firefly's device JSON into TTS's device. Empty or absent values are missing, never zero
 * bytes; what TTS needs for the device's activation and Firefly does not give fails the device.
 */
final class FireflyDeviceMapper {
  private static final Logger log = LoggerFactory.getLogger(FireflyDeviceMapper.class);

  private final FireflyConfig config;

  FireflyDeviceMapper(FireflyConfig config) {
    this.config = config;
  }

  /** What the session needs from Firefly, when it has all three. */
  record SessionValues(ByteString devAddr, ByteString networkKey, ByteString applicationKey) {}

  /**
   * The session Firefly holds for the device, or empty when it has none (an OTAA device that never
   * joined). Checks first that the device has what its activation needs: an ABP device without a
   * session, or an OTAA device without JoinEUI or AppKey, cannot be exported.
   */
  Optional<SessionValues> session(String device, JsonNode json) {
    boolean otaa = otaa(device, json);
    if (otaa) {
      rootKey(device, json);
    }
    Optional<ByteString> devAddr = hex(device, json, "address", 4, "DevAddr");
    Optional<ByteString> networkKey = hex(device, json, "network_session_key", 16, "NwkSKey");
    Optional<ByteString> applicationKey = hex(device, json, "application_session_key", 16, "AppSKey");
    MissingValues missing = new MissingValues()
        .need("DevAddr (address)", devAddr)
        .need("NwkSKey (network_session_key)", networkKey)
        .need("AppSKey (application_session_key)", applicationKey);
    if (!otaa) {
      missing.orReject(device, "an ABP device");
    } else if (missing.anyMissing()) {
      if (devAddr.isPresent() || networkKey.isPresent() || applicationKey.isPresent()) {
        log.warn("device {}: Firefly holds only part of its session; exporting it without a"
            + " session, so it must join again", device);
      }
      return Optional.empty();
    }
    return Optional.of(new SessionValues(devAddr.get(), networkKey.get(), applicationKey.get()));
  }

  /**
   * @param lastFCntUp the newest uplink's frame counter; empty when Firefly stores no uplink
   * @param fireflyApplication the Firefly application listed, if the device came from a listing
   */
  EndDevice map(String device, ByteString devEui, JsonNode json, Optional<SessionValues> session,
      OptionalLong lastFCntUp, Optional<String> fireflyApplication) {
    boolean otaa = otaa(device, json);
    MACVersion mac = config.versions().mac();
    EndDevice.Builder out = EndDevice.newBuilder()
        .setName(text(json, "name"))
        .setDescription(text(json, "description"))
        .setFrequencyPlanId(config.plan().id())
        .setLorawanVersion(mac)
        .setLorawanPhyVersion(config.versions().phy())
        .setSupportsJoin(otaa)
        .setSupportsClassC(json.path("class_c").asBoolean(false));
    out.getIdsBuilder()
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(config.appId()))
        .setDevEui(devEui);
    checkRegion(device, json);
    if (otaa) {
      out.getIdsBuilder().setJoinEui(config.joinEui().get());
      out.setRootKeys(RootKeys.newBuilder().setAppKey(key(rootKey(device, json).get())));
    }
    MACSettings.Builder settings = MACSettings.newBuilder();
    if (json.path("skip_fcnt_check").asBoolean(false)) {
      settings.setResetsFCnt(BoolValue.newBuilder().setValue(true));
    }
    JsonNode rx2 = json.get("rx2_data_rate");
    if (rx2 != null && !rx2.isNull()) {
      if (!rx2.canConvertToInt() || DataRateIndex.forNumber(rx2.asInt()) == null) {
        throw new ItemRejectedException("device " + device + ": rx2_data_rate " + rx2
            + " is not a data rate index (0 to 15)");
      }
      DataRateIndexValue index = DataRateIndexValue.newBuilder()
          .setValue(DataRateIndex.forNumber(rx2.asInt())).build();
      settings.setDesiredRx2DataRateIndex(index);
      if (!otaa) {
        settings.setRx2DataRateIndex(index);
      }
    }
    if (!settings.build().equals(MACSettings.getDefaultInstance())) {
      out.setMacSettings(settings);
    }
    session.ifPresent(values -> out.setSession(session(device, values, json, lastFCntUp, mac)));
    location(json).ifPresent(location -> out.putLocations("user", location));
    out.putAllAttributes(attributes(json, fireflyApplication));
    return TtsLimits.apply(device, out.build());
  }

  private Session session(String device, SessionValues values, JsonNode json,
      OptionalLong lastFCntUp, MACVersion mac) {
    SessionKeys.Builder keys = SessionKeys.newBuilder()
        .setAppSKey(key(values.applicationKey()))
        .setFNwkSIntKey(key(values.networkKey()));
    if (mac == MACVersion.MAC_V1_1) {
      // Firefly keeps one network session key; a 1.1 session uses it for all three.
      keys.setSNwkSIntKey(key(values.networkKey())).setNwkSEncKey(key(values.networkKey()));
    }
    Session.Builder session = Session.newBuilder().setDevAddr(values.devAddr()).setKeys(keys);
    if (lastFCntUp.isEmpty()) {
      log.warn("device {}: Firefly stores no uplink of it, so its uplink frame counter is unknown;"
          + " exporting 0", device);
    }
    session.setLastFCntUp((int) lastFCntUp.orElse(0));
    JsonNode down = json.get("frame_counter");
    if (down != null && down.canConvertToLong()) {
      session.setLastNFCntDown((int) down.asLong()).setLastAFCntDown((int) down.asLong());
    }
    return session.build();
  }

  /** The OTAA device's AppKey, once it is sure that it has all its activation needs. */
  private Optional<ByteString> rootKey(String device, JsonNode json) {
    Optional<ByteString> appKey = hex(device, json, "application_key", 16, "AppKey");
    new MissingValues()
        .need("JoinEUI (--join-eui; Firefly does not store it)", config.joinEui())
        .need("AppKey (application_key)", appKey)
        .orReject(device, "an OTAA device");
    if (config.versions().mac() == MACVersion.MAC_V1_1) {
      throw new ItemRejectedException("device " + device + ": an OTAA device of LoRaWAN 1.1"
          + " needs a NwkKey, which Firefly does not store (it keeps one AppKey, the 1.0.x"
          + " model); export it with a 1.0.x --mac-version");
    }
    return appKey;
  }

  private void checkRegion(String device, JsonNode json) {
    String region = text(json, "region");
    if (region.isEmpty()) {
      return;
    }
    if (FrequencyPlans.bandOf(region).isEmpty()) {
      log.warn("device {}: its Firefly region \"{}\" is not a band this tool knows; frequency plan"
          + " {} is not checked against it", device, region, config.plan().id());
      return;
    }
    FrequencyPlans.bandProblem(config.plan(), region).ifPresent(problem -> {
      throw new ItemRejectedException("device " + device + ": " + problem
          + "; export it with a --frequency-plan-id of its band");
    });
  }

  private static Optional<Location> location(JsonNode json) {
    JsonNode location = json.path("location");
    if (!location.path("lat").isNumber() || !location.path("lon").isNumber()) {
      return Optional.empty();
    }
    return Optional.of(Location.newBuilder()
        .setLatitude(location.path("lat").asDouble())
        .setLongitude(location.path("lon").asDouble())
        .setSource(LocationSource.SOURCE_REGISTRY)
        .build());
  }

  private static Map<String, String> attributes(JsonNode json,
      Optional<String> fireflyApplication) {
    Map<String, String> attributes = new LinkedHashMap<>();
    fireflyApplication.ifPresent(id -> attributes.put("firefly-application", id));
    List<String> tags = new ArrayList<>();
    json.path("tags").forEach(tag -> tags.add(tag.asText()));
    if (!tags.isEmpty()) {
      attributes.put("firefly-tags", String.join(",", tags));
    }
    String region = text(json, "region");
    if (!region.isEmpty()) {
      attributes.put("firefly-region", region);
    }
    return attributes;
  }

  private static boolean otaa(String device, JsonNode json) {
    JsonNode otaa = json.get("otaa");
    if (otaa == null || !otaa.isBoolean()) {
      throw new ItemRejectedException("device " + device + ": Firefly does not say whether it"
          + " is OTAA or ABP (no \"otaa\" field)");
    }
    return otaa.asBoolean();
  }

  private static Optional<ByteString> hex(String device, JsonNode json, String field, int bytes,
      String name) {
    try {
      return Hex.parse(text(json, field), bytes, name + " (" + field + ")");
    } catch (IllegalArgumentException e) {
      throw new ItemRejectedException("device " + device + ": " + e.getMessage());
    }
  }

  static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }

  private static KeyEnvelope key(ByteString key) {
    return KeyEnvelope.newBuilder().setKey(key).build();
  }
}
