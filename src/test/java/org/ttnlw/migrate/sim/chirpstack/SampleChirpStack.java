package org.ttnlw.migrate.sim.chirpstack;

import java.util.Optional;
import org.ttnlw.migrate.chirpstack.proto.Application;
import org.ttnlw.migrate.chirpstack.proto.CodecRuntime;
import org.ttnlw.migrate.chirpstack.proto.Device;
import org.ttnlw.migrate.chirpstack.proto.DeviceActivation;
import org.ttnlw.migrate.chirpstack.proto.DeviceKeys;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfile;
import org.ttnlw.migrate.chirpstack.proto.Encoding;
import org.ttnlw.migrate.chirpstack.proto.Gateway;
import org.ttnlw.migrate.chirpstack.proto.HttpIntegration;
import org.ttnlw.migrate.chirpstack.proto.IntegrationKind;
import org.ttnlw.migrate.chirpstack.proto.Location;
import org.ttnlw.migrate.chirpstack.proto.MacVersion;
import org.ttnlw.migrate.chirpstack.proto.RegParamsRevision;
import org.ttnlw.migrate.chirpstack.proto.Region;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.proto.ApplicationWebhookIdentifiers;

/**
 * Devices, profiles, application settings and gateways as a ChirpStack v4 server would hold them,
 * for tests and benchmarks.
 */
public final class SampleChirpStack {
  public static final String TENANT = "52f14cd4-c6f1-4fbd-8f87-4025e1d49242";
  public static final String OTHER_TENANT = "0f0e0d0c-0b0a-4908-8706-050403020100";
  public static final String APPLICATION = "3a5b1c2d-1111-4222-8333-0123456789ab";
  public static final String OTHER_APPLICATION = "9e8d7c6b-5a49-4838-a726-15040302f1e0";
  /** EU868 (region config eu868), LoRaWAN 1.0.3 rev A, OTAA, a JavaScript codec. */
  public static final String OTAA_PROFILE = "c1a2b3c4-0001-4000-8000-000000000001";
  /** EU868 (no region config), LoRaWAN 1.0.2 rev B, ABP with its RX settings. */
  public static final String ABP_PROFILE = "c1a2b3c4-0002-4000-8000-000000000002";
  /** US915 us915_1, LoRaWAN 1.1.0 rev B, OTAA, CayenneLPP. */
  public static final String V11_PROFILE = "c1a2b3c4-0003-4000-8000-000000000003";
  /** EU868 eu868, LoRaWAN 1.0.4 RP002-1.0.3, OTAA, class B and C. */
  public static final String CLASS_B_C_PROFILE = "c1a2b3c4-0004-4000-8000-000000000004";
  public static final String SCRIPT = "function decodeUplink(input) {\n"
      + "  return { data: { temperature: input.bytes[0] } };\n}\n"
      + "function encodeDownlink(input) {\n  return { bytes: [input.data.on ? 1 : 0] };\n}\n";

  private SampleChirpStack() {}

  /** Fills a simulator with the four profiles and the two applications (one per tenant). */
  public static void seed(ChirpStackSimulator simulator) {
    simulator.putApplication(APPLICATION, TENANT);
    simulator.putApplication(OTHER_APPLICATION, OTHER_TENANT);
    simulator.putProfile(profile(OTAA_PROFILE, "Temperature sensor", Region.EU868, "eu868",
        MacVersion.LORAWAN_1_0_3, RegParamsRevision.A, true)
        .setPayloadCodecRuntime(CodecRuntime.JS).setPayloadCodecScript(SCRIPT)
        .setDeviceStatusReqInterval(24)
        .build());
    simulator.putProfile(profile(ABP_PROFILE, "ABP meter", Region.EU868, "",
        MacVersion.LORAWAN_1_0_2, RegParamsRevision.B, false)
        .setAbpRx1Delay(5).setAbpRx1DrOffset(2).setAbpRx2Dr(3).setAbpRx2Freq(869_525_000)
        .setDeviceStatusReqInterval(1)
        .build());
    simulator.putProfile(profile(V11_PROFILE, "LoRaWAN 1.1 tracker", Region.US915, "us915_1",
        MacVersion.LORAWAN_1_1_0, RegParamsRevision.B, true)
        .setPayloadCodecRuntime(CodecRuntime.CAYENNE_LPP)
        .build());
    simulator.putProfile(profile(CLASS_B_C_PROFILE, "Street light", Region.EU868, "eu868",
        MacVersion.LORAWAN_1_0_4, RegParamsRevision.RP002_1_0_3, true)
        .setSupportsClassB(true).setClassBPingSlotPeriodicity(3).setClassBPingSlotDr(3)
        .setClassBPingSlotFreq(869_525_000).setClassBTimeout(12)
        .setSupportsClassC(true).setClassCTimeout(7)
        .setDeviceStatusReqInterval(48)
        .build());
  }

  public static DeviceProfile.Builder profile(String id, String name, Region region,
      String regionConfigId, MacVersion mac, RegParamsRevision revision, boolean otaa) {
    return DeviceProfile.newBuilder().setId(id).setTenantId(TENANT).setName(name)
        .setRegion(region).setRegionConfigId(regionConfigId).setMacVersion(mac)
        .setRegParamsRevision(revision).setSupportsOtaa(otaa).setAdrAlgorithmId("default");
  }

  /** The DevEUI of sample device {@code index}, as ChirpStack prints it (lower case). */
  public static String devEui(int index) {
    return String.format("0004a30b%08x", index);
  }

  public static Device.Builder device(int index, String profileId) {
    return Device.newBuilder().setDevEui(devEui(index)).setName("device " + index)
        .setDescription("sample device " + index).setApplicationId(APPLICATION)
        .setDeviceProfileId(profileId);
  }

  public static String hexKey(String purpose, int index) {
    return String.format("%08x%024x", purpose.hashCode(), index);
  }

  public static DeviceKeys keys(int index) {
    return DeviceKeys.newBuilder().setDevEui(devEui(index)).setNwkKey(hexKey("nwk", index))
        .setAppKey(hexKey("app", index)).build();
  }

  /** An activation of LoRaWAN 1.0.x: one NwkSKey in all three network keys. */
  public static DeviceActivation activation10(int index, int fCntUp, int nFCntDown) {
    String nwkSKey = hexKey("nwks", index);
    return DeviceActivation.newBuilder().setDevEui(devEui(index))
        .setDevAddr(String.format("26%06x", index)).setAppSKey(hexKey("apps", index))
        .setNwkSEncKey(nwkSKey).setSNwkSIntKey(nwkSKey).setFNwkSIntKey(nwkSKey)
        .setFCntUp(fCntUp).setNFCntDown(nFCntDown).setAFCntDown(999).build();
  }

  /** Puts an OTAA device of the sample profile, joined, with keys and activation. */
  public static void putJoinedOtaa(ChirpStackSimulator simulator, int index) {
    simulator.putDevice(device(index, OTAA_PROFILE).setJoinEui("70b3d57ed0000001").build(),
        Optional.of(keys(index)), Optional.of(activation10(index, 11, 4)));
  }

  /** The HTTP integration's endpoint; its token is a credential. */
  public static final String HTTP_URL = "https://backend.example.com/chirpstack?token=URL-SECRET";
  public static final String HTTP_HEADER_SECRET = "Bearer HEADER-SECRET-DO-NOT-LOG";

  /**
   * Gives {@link #APPLICATION} a name, description and tags, an HTTP integration (Protobuf) and an
   * InfluxDB and the global MQTT integration.
   */
  public static void putSettings(ChirpStackSimulator simulator) {
    simulator.putApplication(Application.newBuilder().setId(APPLICATION).setTenantId(TENANT)
        .setName("Parking sensors").setDescription("Level 2 and 3")
        .putTags("Site Name", "north").putTags("floor", "2").build());
    simulator.putHttpIntegration(http(Encoding.PROTOBUF, HTTP_URL));
    simulator.putIntegration(APPLICATION, IntegrationKind.INFLUX_DB);
    simulator.putIntegration(APPLICATION, IntegrationKind.MQTT_GLOBAL);
  }

  public static HttpIntegration http(Encoding encoding, String url) {
    return HttpIntegration.newBuilder().setApplicationId(APPLICATION).setEncoding(encoding)
        .setEventEndpointUrl(url).putHeaders("Authorization", HTTP_HEADER_SECRET).build();
  }

  /** The settings document that {@code application-settings} writes of {@link #putSettings}. */
  public static ApplicationSettings settingsDocument() {
    ApplicationWebhook.Message all = ApplicationWebhook.Message.getDefaultInstance();
    return ApplicationSettings.newBuilder()
        .setApplication(org.ttnlw.migrate.proto.Application.newBuilder()
            .setIds(ApplicationIdentifiers.newBuilder().setApplicationId(APPLICATION))
            .setName("Parking sensors").setDescription("Level 2 and 3")
            .putAttributes("chirpstack-application-id", APPLICATION)
            .putAttributes("floor", "2").putAttributes("site-name", "north"))
        .addWebhooks(ApplicationWebhook.newBuilder()
            .setIds(ApplicationWebhookIdentifiers.newBuilder().setWebhookId("chirpstack-http")
                .setApplicationIds(ApplicationIdentifiers.newBuilder()
                    .setApplicationId(APPLICATION)))
            .setBaseUrl(HTTP_URL).putHeaders("Authorization", HTTP_HEADER_SECRET)
            .setFormat("protobuf").setUplinkMessage(all).setJoinAccept(all).setDownlinkAck(all)
            .setDownlinkNack(all).setDownlinkSent(all).setLocationSolved(all))
        .build();
  }

  /** On a roof, with a location and tags of every kind: valid, repairable, invalid, too long. */
  public static final String ROOFTOP_GATEWAY = gatewayEui(1);
  /** A name and description longer than TTS allows, no location, no tags. */
  public static final String LONG_NAMED_GATEWAY = gatewayEui(2);
  /** Twelve valid tags, two more than TTS allows. */
  public static final String TAGGED_GATEWAY = gatewayEui(3);
  /** A gateway of {@link #OTHER_TENANT}. */
  public static final String OTHER_TENANT_GATEWAY = gatewayEui(4);
  public static final String LONG_GATEWAY_NAME = "Basement gateway of the north wing, building seven";
  public static final String TOO_LONG_TAG_VALUE = "v".repeat(201);

  /** The EUI of sample gateway {@code index}, as ChirpStack prints it (lower case). */
  public static String gatewayEui(int index) {
    return String.format("0016c001ff%06x", index);
  }

  /** A gateway with ChirpStack's defaults: stats every 30 s, downlink priority 10. */
  public static Gateway.Builder gateway(int index, String tenantId) {
    return Gateway.newBuilder().setGatewayId(gatewayEui(index)).setTenantId(tenantId)
        .setName("gateway " + index).setStatsInterval(30).setDownlinkPriority(10);
  }

  /** Puts the four sample gateways: three of {@link #TENANT}, one of {@link #OTHER_TENANT}. */
  public static void seedGateways(ChirpStackSimulator simulator) {
    simulator.putGateway(gateway(1, TENANT).setName("Rooftop Amsterdam")
        .setDescription("Kerlink iStation on the roof")
        .setLocation(Location.newBuilder().setLatitude(52.3731).setLongitude(4.8922)
            .setAltitude(12.6))
        .putTags("site", "amsterdam").putTags("Antenna_Type", "omni")
        .putTags("owner id", "facilities").putTags("notes", TOO_LONG_TAG_VALUE)
        .putMetadata("firmware", "5.1.0").setStatsInterval(60).setDownlinkPriority(5)
        .build());
    simulator.putGateway(gateway(2, TENANT)
        .setName(LONG_GATEWAY_NAME + " (behind the boiler room)")
        .setDescription("d".repeat(2100))
        .build());
    Gateway.Builder tagged = gateway(3, TENANT).setName("Tagged");
    for (int tag = 1; tag <= 12; tag++) {
      tagged.putTags(String.format("tag-%02d", tag), "value " + tag);
    }
    simulator.putGateway(tagged.build());
    simulator.putGateway(gateway(4, OTHER_TENANT).setName("Elsewhere").build());
  }
}
