package org.ttnlw.migrate.pipeline;

import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.APP_KEY;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.APP_S_KEY;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.BAND_ID;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.BRAND_ID;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.DESCRIPTION;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.DEV_ADDR;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.DEV_EUI;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.FIRMWARE_VERSION;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.FREQUENCY_PLAN_ID;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.F_NWK_S_INT_KEY;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.HARDWARE_VERSION;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.ID;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.JOIN_EUI;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.LAST_A_F_CNT_DOWN;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.LAST_F_CNT_UP;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.LAST_N_F_CNT_DOWN;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.LORAWAN_PHY_VERSION;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.LORAWAN_VERSION;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.MODEL_ID;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.NAME;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.NWK_KEY;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.RX1_DELAY;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.SUPPORTS_32_BIT_F_CNT;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.SUPPORTS_CLASS_C;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.VENDOR_ID;
import static org.ttnlw.migrate.source.lorawan.TtsCsvColumns.VENDOR_PROFILE_ID;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.proto.RootKeys;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;

/**
 * One device as a row of TTS's CSV format: the part of the device the format carries, its cells
 * by column, and the fields of the device it drops.
 *
 * @param carried what TTS's importer makes of the row (with the device's application)
 * @param dropped the paths of the device's fields that the row does not carry, e.g.
 *     {@code mac_settings.adr}, {@code attributes}
 */
record TtsCsvRow(EndDevice carried, Map<String, String> cells, List<String> dropped) {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  /** Where the format requires a JoinEUI and an ABP device has none. */
  private static final ByteString NO_JOIN_EUI = ByteString.copyFrom(new byte[8]);

  static TtsCsvRow of(EndDevice device) {
    EndDevice carried = carried(device);
    List<String> dropped = new ArrayList<>();
    dropped(device, carried, "", dropped);
    return new TtsCsvRow(carried, cells(carried), List.copyOf(dropped));
  }

  private static EndDevice carried(EndDevice device) {
    EndDeviceIdentifiers ids = device.getIds();
    EndDevice.Builder out = EndDevice.newBuilder()
        .setName(device.getName())
        .setDescription(device.getDescription())
        .setFrequencyPlanId(device.getFrequencyPlanId())
        .setLorawanVersion(device.getLorawanVersion())
        .setLorawanPhyVersion(device.getLorawanPhyVersion())
        .setSupportsClassC(device.getSupportsClassC());
    out.getIdsBuilder().setApplicationIds(ids.getApplicationIds()).setDeviceId(ids.getDeviceId())
        .setDevEui(ids.getDevEui()).setJoinEui(ids.getJoinEui());
    if (device.hasVersionIds()) {
      out.setVersionIds(device.getVersionIds());
    }
    if (device.hasLoraAllianceProfileIds()) {
      out.setLoraAllianceProfileIds(device.getLoraAllianceProfileIds());
    }
    RootKeys.Builder rootKeys = RootKeys.newBuilder();
    if (!device.getRootKeys().getAppKey().getKey().isEmpty()) {
      rootKeys.setAppKey(plain(device.getRootKeys().getAppKey()));
    }
    if (!device.getRootKeys().getNwkKey().getKey().isEmpty()) {
      rootKeys.setNwkKey(plain(device.getRootKeys().getNwkKey()));
    }
    if (rootKeys.hasAppKey() || rootKeys.hasNwkKey()) {
      out.setRootKeys(rootKeys).setSupportsJoin(device.getSupportsJoin());
    }
    MACSettings.Builder settings = MACSettings.newBuilder();
    if (device.getMacSettings().hasRx1Delay()) {
      settings.setRx1Delay(device.getMacSettings().getRx1Delay());
    }
    if (device.getMacSettings().hasSupports32BitFCnt()) {
      settings.setSupports32BitFCnt(device.getMacSettings().getSupports32BitFCnt());
    }
    if (settings.hasRx1Delay() || settings.hasSupports32BitFCnt()) {
      out.setMacSettings(settings);
    }
    Session session = device.getSession();
    SessionKeys keys = session.getKeys();
    if (device.hasSession() && !session.getDevAddr().isEmpty()
        && !keys.getAppSKey().getKey().isEmpty() && !keys.getFNwkSIntKey().getKey().isEmpty()) {
      out.setSession(Session.newBuilder()
          .setDevAddr(session.getDevAddr())
          .setKeys(SessionKeys.newBuilder().setAppSKey(plain(keys.getAppSKey()))
              .setFNwkSIntKey(plain(keys.getFNwkSIntKey())))
          .setLastFCntUp(session.getLastFCntUp())
          .setLastNFCntDown(session.getLastNFCntDown())
          .setLastAFCntDown(session.getLastAFCntDown()));
      if (ids.getDevAddr().equals(session.getDevAddr())) {
        out.getIdsBuilder().setDevAddr(ids.getDevAddr());
      }
    }
    return out.build();
  }

  private static KeyEnvelope plain(KeyEnvelope key) {
    return KeyEnvelope.newBuilder().setKey(key.getKey()).build();
  }

  /**
   * Adds to {@code out} the fields set in {@code device} that {@code carried} lacks or holds
   * otherwise, looking into the messages both have. The application is the importer's choice.
   */
  private static void dropped(Message device, Message carried, String prefix, List<String> out) {
    for (Map.Entry<FieldDescriptor, Object> field : device.getAllFields().entrySet()) {
      FieldDescriptor descriptor = field.getKey();
      String path = prefix + descriptor.getName();
      if (path.equals("ids.application_ids")) {
        continue;
      }
      boolean message = descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && !descriptor.isRepeated();
      if (message && carried.hasField(descriptor)) {
        dropped((Message) field.getValue(), (Message) carried.getField(descriptor), path + ".",
            out);
      } else if (message || !field.getValue().equals(carried.getField(descriptor))) {
        out.add(path);
      }
    }
  }

  private static Map<String, String> cells(EndDevice device) {
    Map<String, String> cells = new HashMap<>();
    EndDeviceIdentifiers ids = device.getIds();
    cells.put(ID, ids.getDeviceId());
    cells.put(DEV_EUI, hex(ids.getDevEui()));
    cells.put(JOIN_EUI, hex(ids.getJoinEui().isEmpty() ? NO_JOIN_EUI : ids.getJoinEui()));
    cells.put(NAME, device.getName());
    cells.put(DESCRIPTION, device.getDescription());
    cells.put(FREQUENCY_PLAN_ID, device.getFrequencyPlanId());
    cells.put(LORAWAN_VERSION, device.getLorawanVersion() == MACVersion.MAC_UNKNOWN ? ""
        : device.getLorawanVersion().name());
    cells.put(LORAWAN_PHY_VERSION, device.getLorawanPhyVersion() == PHYVersion.PHY_UNKNOWN ? ""
        : device.getLorawanPhyVersion().name());
    cells.put(BRAND_ID, device.getVersionIds().getBrandId());
    cells.put(MODEL_ID, device.getVersionIds().getModelId());
    cells.put(HARDWARE_VERSION, device.getVersionIds().getHardwareVersion());
    cells.put(FIRMWARE_VERSION, device.getVersionIds().getFirmwareVersion());
    cells.put(BAND_ID, device.getVersionIds().getBandId());
    cells.put(VENDOR_ID, hex32(device.getLoraAllianceProfileIds().getVendorId()));
    cells.put(VENDOR_PROFILE_ID, hex32(device.getLoraAllianceProfileIds().getVendorProfileId()));
    cells.put(APP_KEY, hex(device.getRootKeys().getAppKey().getKey()));
    cells.put(NWK_KEY, hex(device.getRootKeys().getNwkKey().getKey()));
    MACSettings settings = device.getMacSettings();
    cells.put(RX1_DELAY, settings.hasRx1Delay() ? settings.getRx1Delay().getValue().name() : "");
    cells.put(SUPPORTS_32_BIT_F_CNT, settings.hasSupports32BitFCnt()
        ? Boolean.toString(settings.getSupports32BitFCnt().getValue()) : "");
    cells.put(SUPPORTS_CLASS_C, Boolean.toString(device.getSupportsClassC()));
    if (device.hasSession()) {
      Session session = device.getSession();
      cells.put(DEV_ADDR, hex(session.getDevAddr()));
      cells.put(APP_S_KEY, hex(session.getKeys().getAppSKey().getKey()));
      cells.put(F_NWK_S_INT_KEY, hex(session.getKeys().getFNwkSIntKey().getKey()));
      cells.put(LAST_F_CNT_UP, Integer.toUnsignedString(session.getLastFCntUp()));
      cells.put(LAST_N_F_CNT_DOWN, Integer.toUnsignedString(session.getLastNFCntDown()));
      cells.put(LAST_A_F_CNT_DOWN, Integer.toUnsignedString(session.getLastAFCntDown()));
    }
    return cells;
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  private static String hex32(int value) {
    return value == 0 ? "" : Integer.toHexString(value).toUpperCase(Locale.ROOT);
  }
}
