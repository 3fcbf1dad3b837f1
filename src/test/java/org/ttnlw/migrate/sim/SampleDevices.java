package org.ttnlw.migrate.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.ttnlw.migrate.proto.ADRAckDelayExponent;
import org.ttnlw.migrate.proto.ADRAckDelayExponentValue;
import org.ttnlw.migrate.proto.ADRAckLimitExponent;
import org.ttnlw.migrate.proto.ADRAckLimitExponentValue;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.DataRateIndexValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.EndDeviceVersionIdentifiers;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.LocationSource;
import org.ttnlw.migrate.proto.MACParameters;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACState;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.MessagePayloadFormatters;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.proto.PayloadFormatter;
import org.ttnlw.migrate.proto.RootKeys;
import org.ttnlw.migrate.proto.RxDelay;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Realistic end devices for an EU868 TTS deployment, the same for the same arguments. The index
 * makes EUIs, DevAddrs, keys and counters differ between devices: DevEUIs are unique per index.
 */
public final class SampleDevices {
  private static final Instant FIRST_CREATED = Instant.parse("2024-03-01T09:00:00Z");
  private static final String CLUSTER = "eu1.cloud.thethings.network";
  private static final ByteString JOIN_EUI = hex("70B3D57ED0042F52");
  private static final long DEV_EUI_BASE = 0x70B3D57ED0050000L;

  /** TTN's NetID 000013 assigns DevAddrs in 26000000/7. */
  private static final int DEV_ADDR_BASE = 0x26000000;

  private static final int DEV_ADDR_SPAN = 1 << 25;
  private static final ByteString TTN_NET_ID = hex("000013");
  private static final long[] EU868_CHANNELS = {
    868_100_000, 868_300_000, 868_500_000, 867_100_000,
    867_300_000, 867_500_000, 867_700_000, 867_900_000
  };
  private static final long RX2_FREQUENCY = 869_525_000;

  private SampleDevices() {}

  /** A device that joined over the air and has an active session and MAC state. */
  public static EndDevice otaaWithSession(String applicationId, String deviceId, int index) {
    Instant created = created(index);
    EndDevice notJoined = otaaNotJoined(applicationId, deviceId, index);
    return notJoined.toBuilder()
        .setIds(notJoined.getIds().toBuilder().setDevAddr(devAddr(index)))
        .setNetId(TTN_NET_ID)
        .setLastDevNonce(1_000 + index)
        .setLastJoinNonce(1 + index % 50)
        .setMacState(
            MACState.newBuilder()
                .setCurrentParameters(eu868Parameters())
                .setDesiredParameters(eu868Parameters())
                .setLorawanVersion(MACVersion.MAC_V1_0_2))
        .setSession(
            session(index, created.plus(Duration.ofHours(1))).toBuilder()
                .setLastFCntUp(64 + index)
                .setLastNFCntDown(1))
        .setActivatedAt(timestamp(created.plus(Duration.ofHours(1))))
        .setLastSeenAt(timestamp(created.plus(Duration.ofDays(2))))
        .build();
  }

  /** A device provisioned for joining over the air that has not joined yet. */
  public static EndDevice otaaNotJoined(String applicationId, String deviceId, int index) {
    return common(applicationId, deviceId, index)
        .setIds(ids(applicationId, deviceId, index).setJoinEui(JOIN_EUI))
        .setSupportsJoin(true)
        .setRootKeys(RootKeys.newBuilder().setAppKey(key("app_key", index)))
        .build();
  }

  /**
   * A device activated by personalization: session keys and frame counters, no root keys. TTS keeps
   * it on IS, NS and AS only (see {@link #servers}).
   */
  public static EndDevice abp(String applicationId, String deviceId, int index) {
    Instant created = created(index);
    return common(applicationId, deviceId, index)
        .setIds(ids(applicationId, deviceId, index).setDevAddr(devAddr(index)))
        .setSupportsJoin(false)
        .setSession(
            session(index, created).toBuilder()
                .setLastFCntUp(300 + index)
                .setLastNFCntDown(12)
                .setLastAFCntDown(7))
        .setActivatedAt(timestamp(created))
        .build();
  }

  /**
   * {@code count} devices {@code device-00001}, {@code device-00002}, ... of one application with
   * indexes 1 to {@code count}: every fifth is ABP, every fifth (offset by three) has not joined,
   * the others are OTAA with a session.
   */
  public static List<EndDevice> application(String applicationId, int count) {
    List<EndDevice> devices = new ArrayList<>(count);
    for (int index = 1; index <= count; index++) {
      String deviceId = String.format("device-%05d", index);
      devices.add(
          switch (index % 5) {
            case 0 -> abp(applicationId, deviceId, index);
            case 3 -> otaaNotJoined(applicationId, deviceId, index);
            default -> otaaWithSession(applicationId, deviceId, index);
          });
    }
    return devices;
  }

  /**
   * The device with several entries in each of its map fields: six attributes, three locations,
   * and (where it has a MAC state) four rejected data-rate ranges, each of two ranges.
   */
  public static EndDevice withMaps(EndDevice device) {
    EndDevice.Builder mapped = device.toBuilder();
    for (String name : List.of("building", "floor", "room", "owner", "sensor-kind", "batch")) {
      mapped.putAttributes(name, name + "-of-" + device.getIds().getDeviceId());
    }
    for (int i = 0; i < 3; i++) {
      mapped.putLocations("user-" + i, Location.newBuilder().setLatitude(52.37 + i)
          .setLongitude(4.89 + i).setAltitude(10 * i).setSource(LocationSource.SOURCE_REGISTRY)
          .build());
    }
    if (device.hasMacState()) {
      for (int i = 0; i < 4; i++) {
        mapped.getMacStateBuilder().putRejectedDataRateRanges(EU868_CHANNELS[i],
            MACState.DataRateRanges.newBuilder()
                .addRanges(range(DataRateIndex.DATA_RATE_0, DataRateIndex.DATA_RATE_1))
                .addRanges(range(DataRateIndex.DATA_RATE_4, DataRateIndex.DATA_RATE_5))
                .build());
      }
    }
    return mapped.build();
  }

  private static MACState.DataRateRange range(DataRateIndex min, DataRateIndex max) {
    return MACState.DataRateRange.newBuilder().setMinDataRateIndex(min).setMaxDataRateIndex(max)
        .build();
  }

  /** The servers that hold the device in TTS: all four, or all but JS if it does not join. */
  public static Set<TtsServer> servers(EndDevice device) {
    Set<TtsServer> servers = EnumSet.allOf(TtsServer.class);
    if (!device.getSupportsJoin()) {
      servers.remove(TtsServer.JOIN_SERVER);
    }
    return servers;
  }

  private static EndDevice.Builder common(String applicationId, String deviceId, int index) {
    Instant created = created(index);
    return EndDevice.newBuilder()
        .setCreatedAt(timestamp(created))
        .setUpdatedAt(timestamp(created.plus(Duration.ofDays(1))))
        .setName("Sample sensor " + index)
        .setDescription("Temperature and humidity sensor")
        .putAttributes("site", "building-" + index % 7)
        .putAttributes("serial", String.format("SN-%06d", index))
        .setVersionIds(
            EndDeviceVersionIdentifiers.newBuilder()
                .setBrandId("the-things-industries")
                .setModelId("generic-node-sensor-edition")
                .setHardwareVersion("1.1")
                .setFirmwareVersion("1.0")
                .setBandId("EU_863_870"))
        .setNetworkServerAddress(CLUSTER)
        .setApplicationServerAddress(CLUSTER)
        .setJoinServerAddress(CLUSTER)
        .setLorawanVersion(MACVersion.MAC_V1_0_2)
        .setLorawanPhyVersion(PHYVersion.PHY_V1_0_2_REV_B)
        .setFrequencyPlanId("EU_863_870_TTN")
        .setMacSettings(
            MACSettings.newBuilder()
                .setSupports32BitFCnt(BoolValue.newBuilder().setValue(true))
                .setStatusTimePeriodicity(Durations.fromSeconds(0))
                .setStatusCountPeriodicity(UInt32Value.of(0)))
        .setFormatters(
            MessagePayloadFormatters.newBuilder()
                .setUpFormatter(PayloadFormatter.FORMATTER_REPOSITORY)
                .setDownFormatter(PayloadFormatter.FORMATTER_REPOSITORY));
  }

  private static EndDeviceIdentifiers.Builder ids(
      String applicationId, String deviceId, int index) {
    return EndDeviceIdentifiers.newBuilder()
        .setDeviceId(deviceId)
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId))
        .setDevEui(
            ByteString.copyFrom(ByteBuffer.allocate(8).putLong(DEV_EUI_BASE + index).array()));
  }

  private static Session session(int index, Instant started) {
    return Session.newBuilder()
        .setDevAddr(devAddr(index))
        .setKeys(
            SessionKeys.newBuilder()
                .setSessionKeyId(derived("session_key_id", index))
                .setFNwkSIntKey(key("f_nwk_s_int_key", index))
                .setAppSKey(key("app_s_key", index)))
        .setStartedAt(timestamp(started))
        .build();
  }

  private static MACParameters eu868Parameters() {
    MACParameters.Builder parameters =
        MACParameters.newBuilder()
            .setMaxEirp(16)
            .setAdrNbTrans(1)
            .setRx1Delay(RxDelay.RX_DELAY_1)
            .setRx2DataRateIndex(DataRateIndex.DATA_RATE_3)
            .setRx2Frequency(RX2_FREQUENCY)
            .setPingSlotFrequency(RX2_FREQUENCY)
            .setAdrAckLimitExponent(
                ADRAckLimitExponentValue.newBuilder()
                    .setValue(ADRAckLimitExponent.ADR_ACK_LIMIT_64))
            .setAdrAckDelayExponent(
                ADRAckDelayExponentValue.newBuilder()
                    .setValue(ADRAckDelayExponent.ADR_ACK_DELAY_32))
            .setPingSlotDataRateIndexValue(
                DataRateIndexValue.newBuilder().setValue(DataRateIndex.DATA_RATE_3));
    for (long frequency : EU868_CHANNELS) {
      parameters.addChannels(
          MACParameters.Channel.newBuilder()
              .setUplinkFrequency(frequency)
              .setDownlinkFrequency(frequency)
              .setMaxDataRateIndex(DataRateIndex.DATA_RATE_5)
              .setEnableUplink(true));
    }
    return parameters.build();
  }

  private static ByteString devAddr(int index) {
    return ByteString.copyFrom(
        ByteBuffer.allocate(4).putInt(DEV_ADDR_BASE + Math.floorMod(index, DEV_ADDR_SPAN)).array());
  }

  private static KeyEnvelope key(String purpose, int index) {
    return KeyEnvelope.newBuilder().setKey(derived(purpose, index)).build();
  }

  /** 16 bytes that look random but follow from purpose and index. */
  private static ByteString derived(String purpose, int index) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((purpose + "/" + index).getBytes(StandardCharsets.UTF_8));
      return ByteString.copyFrom(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static Instant created(int index) {
    return FIRST_CREATED.plus(Duration.ofMinutes(index));
  }

  private static Timestamp timestamp(Instant instant) {
    return Timestamps.fromMillis(instant.toEpochMilli());
  }

  private static ByteString hex(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}
