package org.ttnlw.migrate.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.ttnlw.migrate.proto.APIKey;
import org.ttnlw.migrate.proto.DownlinkPathConstraint;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAntenna;
import org.ttnlw.migrate.proto.GatewayAntennaPlacement;
import org.ttnlw.migrate.proto.GatewayClaimAuthenticationCode;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GatewayVersionIdentifiers;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.LocationSource;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.Secret;

/** Realistic gateways of an EU868 TTS deployment, each exercising a different part of the API. */
public final class SampleGateways {
  private static final String CLUSTER = "eu1.cloud.thethings.network";
  private static final String PLAN = "EU_863_870_TTN";
  private static final Timestamp CREATED = Timestamps.fromMillis(1_714_550_400_000L);
  private static final Timestamp UPDATED = Timestamps.fromMillis(1_717_228_800_000L);

  /** The source's LNS key of {@link #basicsStation()}, stored in its {@code lbs_lns_secret}. */
  public static final String BASICS_STATION_LNS_KEY =
      "NNSXS.UJZDEGXDNCF32EPF3DHODZDOCIS2JHTLGMXGEDN"
          + ".73U55XTPLPFT7V4SEH2KVJ72CEUVW75EFR6EDT4SYWB5WKH7DNSIPZZ7FK4ZRI3R";

  private SampleGateways() {}

  /** A MultiTech Conduit with the Semtech UDP packet forwarder: EUI only, no credentials. */
  public static Gateway udp() {
    return base("multitech-conduit-roof", "00800000A00016B2", "Conduit on the roof")
        .setDescription("UDP packet forwarder, server_address set by hand")
        .setVersionIds(GatewayVersionIdentifiers.newBuilder()
            .setBrandId("multitech").setModelId("mtcdt").setFirmwareVersion("6.0.1"))
        .setStatusPublic(true)
        .setEnforceDutyCycle(true)
        .setScheduleAnytimeDelay(Durations.fromMillis(530))
        .addAntennas(
            GatewayAntenna.newBuilder().setGain(3).setPlacement(GatewayAntennaPlacement.INDOOR))
        .build();
  }

  /**
   * A RAK7268 running LoRa Basics Station with CUPS: the source hands it {@link
   * #BASICS_STATION_LNS_KEY} with the LNS address.
   */
  public static Gateway basicsStation() {
    return base("rak7268-warehouse", "AC1F09FFFE08A1C3", "Warehouse Basics Station")
        .setVersionIds(GatewayVersionIdentifiers.newBuilder()
            .setBrandId("rakwireless").setModelId("rak7268").setFirmwareVersion("2.2.6"))
        .setRequireAuthenticatedConnection(true)
        .setUpdateLocationFromStatus(true)
        .setEnforceDutyCycle(true)
        .setLbsLnsSecret(Secret.newBuilder()
            .setValue(ByteString.copyFrom(BASICS_STATION_LNS_KEY, StandardCharsets.US_ASCII)))
        .build();
  }

  /** A Kerlink Wirnet iStation with two outdoor antennas at public, registered locations. */
  public static Gateway twoAntennas() {
    return base("kerlink-istation-hill", "7076FF0056081A2B", "iStation on the hill")
        .setVersionIds(GatewayVersionIdentifiers.newBuilder()
            .setBrandId("kerlink").setModelId("wirnet-istation"))
        .setLocationPublic(true)
        .setStatusPublic(true)
        .setScheduleDownlinkLate(true)
        .setDownlinkPathConstraint(DownlinkPathConstraint.DOWNLINK_PATH_CONSTRAINT_PREFER_OTHER)
        .setLrfhss(Gateway.LRFHSS.newBuilder().setSupported(true))
        .addAntennas(antenna(3, 52.37310, 4.89220, 12))
        .addAntennas(antenna(6.5f, 52.37330, 4.89250, 30))
        .build();
  }

  /** A Dragino LPS8 with attributes and a claim authentication code. */
  public static Gateway withAttributesAndClaimCode() {
    return base("dragino-lps8-office", "A840411D2B1C4150", "Office LPS8")
        .putAttributes("site", "office-2nd-floor")
        .putAttributes("asset-tag", "IT-004512")
        .setDisablePacketBrokerForwarding(true)
        .setClaimAuthenticationCode(GatewayClaimAuthenticationCode.newBuilder()
            .setSecret(Secret.newBuilder()
                .setValue(ByteString.copyFrom("F7A3C2D1E0B49A85", StandardCharsets.US_ASCII)))
            .setValidFrom(CREATED)
            .setValidTo(Timestamps.fromMillis(1_809_158_400_000L)))
        .build();
  }

  public static List<Gateway> all() {
    return List.of(udp(), basicsStation(), twoAntennas(), withAttributesAndClaimCode());
  }

  /**
   * Registers {@link #all()} for the collaborator, and {@link #BASICS_STATION_LNS_KEY} as the
   * Basics Station's LNS key (with {@code GATEWAY_LINK} and {@code GATEWAY_INFO}).
   */
  public static void seed(TtsSimulator simulator, String collaborator) {
    all().forEach(gateway -> simulator.addGateway(gateway, collaborator));
    simulator.addGatewayApiKey(basicsStation().getIds().getGatewayId(), APIKey.newBuilder()
        .setKey(BASICS_STATION_LNS_KEY)
        .setName("LNS key")
        .addAllRights(Set.of(Right.RIGHT_GATEWAY_LINK, Right.RIGHT_GATEWAY_INFO))
        .build());
  }

  private static Gateway.Builder base(String id, String eui, String name) {
    return Gateway.newBuilder()
        .setIds(GatewayIdentifiers.newBuilder().setGatewayId(id).setEui(ByteString.fromHex(eui)))
        .setName(name)
        .setCreatedAt(CREATED)
        .setUpdatedAt(UPDATED)
        .setGatewayServerAddress(CLUSTER)
        .setFrequencyPlanId(PLAN)
        .addFrequencyPlanIds(PLAN);
  }

  private static GatewayAntenna antenna(float gain, double latitude, double longitude,
      int altitude) {
    return GatewayAntenna.newBuilder()
        .setGain(gain)
        .setPlacement(GatewayAntennaPlacement.OUTDOOR)
        .setLocation(Location.newBuilder()
            .setLatitude(latitude)
            .setLongitude(longitude)
            .setAltitude(altitude)
            .setAccuracy(5)
            .setSource(LocationSource.SOURCE_REGISTRY))
        .build();
  }
}
