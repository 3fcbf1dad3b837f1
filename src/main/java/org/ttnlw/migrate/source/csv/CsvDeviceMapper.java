package org.ttnlw.migrate.source.csv;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.proto.RootKeys;
import org.ttnlw.migrate.proto.RxDelay;
import org.ttnlw.migrate.proto.RxDelayValue;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;
import org.ttnlw.migrate.source.lorawan.CsvFile;
import org.ttnlw.migrate.source.lorawan.FrequencyPlan;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;
import org.ttnlw.migrate.source.lorawan.Hex;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;
import org.ttnlw.migrate.source.lorawan.MissingValues;
import org.ttnlw.migrate.source.lorawan.TtsCsvColumns;
import org.ttnlw.migrate.source.lorawan.TtsLimits;

/**
 * Turns one row of a sheet into TTS's device, reading each field of TTS's CSV format from the
 * column the {@link ColumnMap} gives. Empty cells are missing values; hex may be in either case
 * and hold {@code -}, {@code :} or blanks between its digits; what the device's activation needs
 * and the row does not give fails the row, naming its line.
 */
final class CsvDeviceMapper {
  private final String appId;
  private final CsvConfig config;
  /** The sheet's column of each field it has. */
  private final Map<String, String> columns = new HashMap<>();

  CsvDeviceMapper(CsvConfig config, List<String> header) {
    this.appId = config.appId();
    this.config = config;
    for (String field : TtsCsvColumns.ALL) {
      config.columns().columnOf(field, header).ifPresent(column -> columns.put(field, column));
    }
  }

  /**
   * The row's DevEUI as 16 lower-case hex digits (leading zeros added), or empty when it has none
   * readable; quietly, as {@link #map} warns about the zeros.
   */
  Optional<String> devEui(CsvFile.Row row) {
    String digits = row.problem() != null ? ""
        : new Cells(row).text(DEV_EUI).replaceAll("[-:\\s]", "").toLowerCase(Locale.ROOT);
    return digits.matches("[0-9a-f]{1,16}")
        ? Optional.of("0".repeat(16 - digits.length()) + digits) : Optional.empty();
  }

  EndDevice map(CsvFile.Row row) {
    if (row.problem() != null) {
      throw new ItemRejectedException(row.problem());
    }
    Cells cells = new Cells(row);
    ByteString devEui = cells.eui(DEV_EUI).orElseThrow(() -> cells.reject("no " + cells.name(
        DEV_EUI)));
    LorawanVersions.Versions versions = versions(cells);
    FrequencyPlan plan = plan(cells);
    EndDevice.Builder out = EndDevice.newBuilder()
        .setName(cells.text(NAME))
        .setDescription(cells.text(DESCRIPTION))
        .setFrequencyPlanId(plan.id())
        .setLorawanVersion(versions.mac())
        .setLorawanPhyVersion(versions.phy())
        .setSupportsClassC(cells.supportsClassC());
    String id = cells.text(ID);
    out.getIdsBuilder()
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(appId))
        .setDeviceId(id.isEmpty() ? "eui-" + Hex.format(devEui) : id)
        .setDevEui(devEui);
    out.getVersionIdsBuilder()
        .setBrandId(cells.text(BRAND_ID))
        .setModelId(cells.text(MODEL_ID))
        .setHardwareVersion(cells.text(HARDWARE_VERSION))
        .setFirmwareVersion(cells.text(FIRMWARE_VERSION))
        .setBandId(cells.text(BAND_ID));
    if (out.getVersionIds().equals(out.getVersionIds().getDefaultInstanceForType())) {
      out.clearVersionIds();
    }
    int vendor = cells.hex32(VENDOR_ID);
    int profile = cells.hex32(VENDOR_PROFILE_ID);
    if (vendor != 0 || profile != 0) {
      out.getLoraAllianceProfileIdsBuilder().setVendorId(vendor).setVendorProfileId(profile);
    }
    rootKeys(cells, versions.mac(), out);
    session(cells, versions.mac(), out);
    MACSettings.Builder settings = MACSettings.newBuilder();
    cells.rxDelay().ifPresent(delay -> settings.setRx1Delay(RxDelayValue.newBuilder()
        .setValue(delay)));
    cells.bool(SUPPORTS_32_BIT_F_CNT).ifPresent(value -> settings.setSupports32BitFCnt(
        BoolValue.newBuilder().setValue(value)));
    if (!settings.build().equals(MACSettings.getDefaultInstance())) {
      out.setMacSettings(settings);
    }
    return TtsLimits.apply(cells.device(), out.build());
  }

  private LorawanVersions.Versions versions(Cells cells) {
    String mac = cells.text(LORAWAN_VERSION);
    String phy = cells.text(LORAWAN_PHY_VERSION);
    if (mac.isEmpty()) {
      return config.versions().orElseThrow(() -> cells.reject("no " + cells.name(LORAWAN_VERSION)
          + "; set --mac-version for the rows without one"));
    }
    try {
      Optional<MACVersion> named = enumNamed(MACVersion.class, mac);
      if (named.isEmpty() && phy.isEmpty()) {
        return LorawanVersions.combined(mac);
      }
      MACVersion macVersion = named.orElseGet(() -> LorawanVersions.mac(mac));
      if (!phy.isEmpty()) {
        return new LorawanVersions.Versions(macVersion, LorawanVersions.phy(phy));
      }
      PHYVersion implied = LorawanVersions.impliedPhy(macVersion).orElseThrow(() -> cells.reject(
          cells.name(LORAWAN_VERSION) + " " + mac + " needs a " + cells.name(LORAWAN_PHY_VERSION)));
      return new LorawanVersions.Versions(macVersion, implied);
    } catch (IllegalArgumentException e) {
      throw cells.reject(e.getMessage());
    }
  }

  private FrequencyPlan plan(Cells cells) {
    String id = cells.text(FREQUENCY_PLAN_ID);
    FrequencyPlan plan;
    if (id.isEmpty()) {
      plan = config.plan().orElseThrow(() -> cells.reject("no " + cells.name(FREQUENCY_PLAN_ID)
          + "; set --frequency-plan-id for the rows without one"));
    } else {
      try {
        plan = FrequencyPlans.require(id);
      } catch (IllegalArgumentException e) {
        throw cells.reject(e.getMessage());
      }
    }
    String band = cells.text(BAND_ID);
    if (!band.isEmpty() && !band.equals(plan.bandId())
        && !FrequencyPlans.bandOf(band).equals(Optional.of(plan.bandId()))) {
      throw cells.reject(cells.name(BAND_ID) + " " + band + ", but frequency plan " + plan.id()
          + " is for band " + plan.bandId());
    }
    return plan;
  }

  private static void rootKeys(Cells cells, MACVersion mac, EndDevice.Builder out) {
    Optional<ByteString> appKey = cells.key(APP_KEY);
    Optional<ByteString> nwkKey = cells.key(NWK_KEY);
    if (appKey.isEmpty() && nwkKey.isEmpty()) {
      return;
    }
    Optional<ByteString> joinEui = cells.eui(JOIN_EUI);
    MissingValues missing = new MissingValues().need(cells.name(JOIN_EUI), joinEui)
        .need(cells.name(APP_KEY), appKey);
    if (mac == MACVersion.MAC_V1_1) {
      missing.need(cells.name(NWK_KEY), nwkKey);
    }
    missing.orReject(cells.device(), "an OTAA device");
    RootKeys.Builder keys = RootKeys.newBuilder().setAppKey(envelope(appKey.get()));
    nwkKey.ifPresent(key -> keys.setNwkKey(envelope(key)));
    out.setSupportsJoin(true).setRootKeys(keys);
    out.getIdsBuilder().setJoinEui(joinEui.get());
  }

  private static void session(Cells cells, MACVersion mac, EndDevice.Builder out) {
    Optional<ByteString> devAddr = cells.hex(DEV_ADDR, 4);
    Optional<ByteString> appSKey = cells.key(APP_S_KEY);
    Optional<ByteString> fNwkSIntKey = cells.key(F_NWK_S_INT_KEY);
    boolean any = devAddr.isPresent() || appSKey.isPresent() || fNwkSIntKey.isPresent();
    if (!any && out.getSupportsJoin()) {
      return;
    }
    new MissingValues().need(cells.name(DEV_ADDR), devAddr).need(cells.name(APP_S_KEY), appSKey)
        .need(cells.name(F_NWK_S_INT_KEY), fNwkSIntKey)
        .orReject(cells.device(), out.getSupportsJoin() ? "a session" : "an ABP device (a row"
            + " without app_key or nwk_key)");
    if (mac == MACVersion.MAC_V1_1) {
      throw cells.reject("a LoRaWAN 1.1 session needs s_nwk_s_int_key and nwk_s_enc_key, for"
          + " which TTS's CSV format has no column");
    }
    // An ABP device's JoinEUI is written as zeros where TTS's format requires one.
    if (!out.getSupportsJoin()) {
      cells.eui(JOIN_EUI).filter(eui -> !eui.equals(ByteString.copyFrom(new byte[8])))
          .ifPresent(out.getIdsBuilder()::setJoinEui);
    }
    out.getIdsBuilder().setDevAddr(devAddr.get());
    out.setSession(Session.newBuilder()
        .setDevAddr(devAddr.get())
        .setKeys(SessionKeys.newBuilder().setAppSKey(envelope(appSKey.get()))
            .setFNwkSIntKey(envelope(fNwkSIntKey.get())))
        .setLastFCntUp(cells.counter(LAST_F_CNT_UP))
        .setLastNFCntDown(cells.counter(LAST_N_F_CNT_DOWN))
        .setLastAFCntDown(cells.counter(LAST_A_F_CNT_DOWN)));
  }

  private static KeyEnvelope envelope(ByteString key) {
    return KeyEnvelope.newBuilder().setKey(key).build();
  }

  private static <E extends Enum<E>> Optional<E> enumNamed(Class<E> type, String name) {
    try {
      return Optional.of(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The fields of one row, read with messages that name its line, the field and its column. */
  private final class Cells {
    private final CsvFile.Row row;

    Cells(CsvFile.Row row) {
      this.row = row;
    }

    /** The device in messages that start with "device ". */
    String device() {
      return "on line " + row.line();
    }

    ItemRejectedException reject(String problem) {
      return new ItemRejectedException("line " + row.line() + ": " + problem);
    }

    /** The field, and its column where that has another name: "dev_eui (column DevEUI)". */
    String name(String field) {
      String column = columns.get(field);
      return column == null || column.equals(field) ? field : field + " (column " + column + ")";
    }

    String text(String field) {
      String column = columns.get(field);
      return column == null ? "" : row.get(column).strip();
    }

    Optional<ByteString> eui(String field) {
      String digits = text(field).replaceAll("[-:\\s]", "");
      try {
        return Hex.parsePadded(device(), digits, 8, name(field));
      } catch (IllegalArgumentException e) {
        throw reject(e.getMessage());
      }
    }

    Optional<ByteString> key(String field) {
      return hex(field, 16);
    }

    Optional<ByteString> hex(String field, int bytes) {
      try {
        return Hex.parse(text(field).replaceAll("[-:\\s]", ""), bytes, name(field));
      } catch (IllegalArgumentException e) {
        throw reject(e.getMessage());
      }
    }

    int hex32(String field) {
      String text = text(field);
      if (text.isEmpty()) {
        return 0;
      }
      String digits = text.replaceFirst("^0[xX]", "");
      if (digits.matches("[0-9A-Fa-f]{1,8}")) {
        return (int) Long.parseLong(digits, 16);
      }
      throw reject(name(field) + " \"" + text + "\" is not up to 8 hex digits");
    }

    int counter(String field) {
      String text = text(field);
      if (text.isEmpty()) {
        return 0;
      }
      if (text.matches("[0-9]{1,10}") && Long.parseLong(text) <= 0xFFFF_FFFFL) {
        return (int) Long.parseLong(text);
      }
      throw reject(name(field) + " \"" + text + "\" is not a whole number from 0 to 4294967295");
    }

    Optional<Boolean> bool(String field) {
      String text = text(field).toLowerCase(Locale.ROOT);
      return switch (text) {
        case "" -> Optional.empty();
        case "true", "1", "yes" -> Optional.of(true);
        case "false", "0", "no" -> Optional.of(false);
        default -> throw reject(name(field) + " \"" + text(field) + "\" is neither true nor"
            + " false");
      };
    }

    /** {@code supports_class_c}, also from a class letter (A or C) that a key sheet gives. */
    boolean supportsClassC() {
      String text = text(SUPPORTS_CLASS_C).toUpperCase(Locale.ROOT);
      if (text.equals("A") || text.equals("C")) {
        return text.equals("C");
      }
      if (text.equals("B")) {
        throw reject(name(SUPPORTS_CLASS_C) + " is class B, which TTS's CSV format cannot say;"
            + " map A or C, or true or false");
      }
      return bool(SUPPORTS_CLASS_C).orElse(false);
    }

    Optional<RxDelay> rxDelay() {
      String text = text(RX1_DELAY);
      if (text.isEmpty()) {
        return Optional.empty();
      }
      Optional<RxDelay> named = enumNamed(RxDelay.class, text)
          .or(() -> text.matches("[0-9]{1,2}") && Integer.parseInt(text) <= 15
              ? Optional.of(RxDelay.forNumber(Integer.parseInt(text))) : Optional.empty());
      return Optional.of(named.filter(delay -> delay != RxDelay.UNRECOGNIZED)
          .orElseThrow(() -> reject(name(RX1_DELAY) + " \"" + text + "\" is not RX_DELAY_0 to"
              + " RX_DELAY_15 (or 0 to 15)")));
    }
  }
}
