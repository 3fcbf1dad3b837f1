package org.ttnlw.migrate.source.chirpstack;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.DeviceActivation;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceActivationResponse;
import org.ttnlw.migrate.chirpstack.proto.JoinServerContext;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;

/**
 * A ChirpStack activation as a TTS session. ChirpStack's frame counters hold the next value to
 * use or expect; TTS's {@code last_*} counters the last one used, so one is taken off. Zero stays
 * zero: nothing was used yet, which TTS too reads from 0. LoRaWAN 1.0.x has one NwkSKey (all three
 * network keys in ChirpStack, {@code f_nwk_s_int_key} in TTS) and one downlink counter
 * ({@code n_f_cnt_down}), which becomes both TTS down counters.
 */
final class Sessions {
  private static final Logger log = LoggerFactory.getLogger(Sessions.class);
  private static final HexFormat HEX = HexFormat.of();

  private Sessions() {}

  static Session of(String devEui, GetDeviceActivationResponse answer, MACVersion mac) {
    DeviceActivation activation = answer.getDeviceActivation();
    boolean v11 = mac == MACVersion.MAC_V1_1;
    SessionKeys.Builder keys = SessionKeys.newBuilder()
        .setFNwkSIntKey(key(devEui, "f_nwk_s_int_key",
            v11 ? activation.getFNwkSIntKey() : activation.getNwkSEncKey()));
    if (v11) {
      keys.setSNwkSIntKey(key(devEui, "s_nwk_s_int_key", activation.getSNwkSIntKey()));
      keys.setNwkSEncKey(key(devEui, "nwk_s_enc_key", activation.getNwkSEncKey()));
    }
    if (!activation.getAppSKey().isEmpty()) {
      keys.setAppSKey(key(devEui, "app_s_key", activation.getAppSKey()));
    } else if (answer.hasJoinServerContext()) {
      keys.setAppSKey(wrappedAppSKey(devEui, answer.getJoinServerContext()));
    }
    int lastNFCntDown = last(activation.getNFCntDown());
    return Session.newBuilder()
        .setDevAddr(bytes(devEui, "dev_addr", activation.getDevAddr(), 4))
        .setKeys(keys)
        .setLastFCntUp(last(activation.getFCntUp()))
        .setLastNFCntDown(lastNFCntDown)
        .setLastAFCntDown(v11 ? last(activation.getAFCntDown()) : lastNFCntDown)
        .build();
  }

  /** The last counter value used, from the next one; 0 when none was used yet. */
  static int last(int next) {
    return next == 0 ? 0 : next - 1;
  }

  private static KeyEnvelope wrappedAppSKey(String devEui, JoinServerContext context) {
    log.warn("device {}: its AppSKey is held by an external Join Server (KEK label \"{}\");"
        + " exported wrapped, the new network needs that KEK", devEui,
        context.getAppSKey().getKekLabel());
    return KeyEnvelope.newBuilder()
        .setKekLabel(context.getAppSKey().getKekLabel())
        .setEncryptedKey(context.getAppSKey().getAesKey())
        .build();
  }

  static KeyEnvelope key(String devEui, String field, String hex) {
    return KeyEnvelope.newBuilder().setKey(bytes(devEui, field, hex, 16)).build();
  }

  static ByteString bytes(String devEui, String field, String hex, int length) {
    try {
      byte[] value = HEX.parseHex(hex);
      if (value.length == length) {
        return ByteString.copyFrom(value);
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new DeviceMappingException(devEui, "ChirpStack sent a " + field + " that is not "
        + (length * 2) + " hexadecimal digits");
  }
}
