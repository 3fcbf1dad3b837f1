package org.ttnlw.migrate.source.wanesy;

import com.google.protobuf.ByteString;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.DataRateIndexValue;
import org.ttnlw.migrate.proto.DataRateOffset;
import org.ttnlw.migrate.proto.DataRateOffsetValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.LocationSource;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACVersion;
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
import org.ttnlw.migrate.source.lorawan.TtsLimits;

/**
 * Turns one row of the WMC CSV into TTS's device. Empty cells are missing values, never zero
 * bytes or zero numbers; numbers are decimal; what TTS needs for the device's activation and the
 * row does not give fails the device, naming the row's line.
 */
final class WanesyDeviceMapper {
  private static final Logger log = LoggerFactory.getLogger(WanesyDeviceMapper.class);

  private final String appId;
  private final FrequencyPlan plan;
  private final Optional<LorawanVersions.Versions> versionOverride;

  WanesyDeviceMapper(String appId, FrequencyPlan plan,
      Optional<LorawanVersions.Versions> versionOverride) {
    this.appId = appId;
    this.plan = plan;
    this.versionOverride = versionOverride;
  }

  EndDevice map(String device, CsvFile.Row row) {
    Cells cells = new Cells(device, row);
    ByteString devEui = cells.eui("devEui", "DevEUI").orElseThrow(() ->
        new ItemRejectedException("device " + device + ": no devEui"));
    LorawanVersions.Versions versions = versions(cells);
    boolean otaa = activation(cells);
    EndDevice.Builder out = EndDevice.newBuilder()
        .setName(row.get("name").strip())
        .setFrequencyPlanId(plan.id())
        .setLorawanVersion(versions.mac())
        .setLorawanPhyVersion(versions.phy())
        .setSupportsJoin(otaa);
    out.getIdsBuilder()
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(appId))
        .setDevEui(devEui);
    checkRegion(cells);
    deviceClass(cells, out);
    if (otaa) {
      Optional<ByteString> joinEui = cells.eui("appEui", "JoinEUI");
      Optional<ByteString> appKey = cells.key("appKey", "AppKey");
      new MissingValues().need("JoinEUI (appEui)", joinEui).need("AppKey (appKey)", appKey)
          .orReject(cells.device(), "an OTAA device");
      if (versions.mac() == MACVersion.MAC_V1_1) {
        throw new ItemRejectedException("device " + cells.device() + ": an OTAA device of"
            + " LoRaWAN 1.1 needs a NwkKey, and the CSV has no column for it");
      }
      out.getIdsBuilder().setJoinEui(joinEui.get());
      out.setRootKeys(RootKeys.newBuilder().setAppKey(envelope(appKey.get())));
    }
    Optional<Session> session = session(cells, otaa, versions.mac());
    session.ifPresent(out::setSession);
    MACSettings settings = macSettings(cells, !otaa);
    if (!settings.equals(MACSettings.getDefaultInstance())) {
      out.setMacSettings(settings);
    }
    location(cells).ifPresent(location -> out.putLocations("user", location));
    out.putAllAttributes(attributes(row));
    return TtsLimits.apply(cells.device(), out.build());
  }

  private LorawanVersions.Versions versions(Cells cells) {
    if (versionOverride.isPresent()) {
      return versionOverride.get();
    }
    try {
      return LorawanVersions.of(cells.row().get("macVersion"),
          cells.row().get("regParamsRevision"));
    } catch (IllegalArgumentException e) {
      throw new ItemRejectedException("device " + cells.device() + ": " + e.getMessage()
          + "; or set --mac-version");
    }
  }

  private static boolean activation(Cells cells) {
    String activation = cells.row().get("activation").strip();
    return switch (activation) {
      case "OTAA" -> true;
      case "ABP" -> false;
      default -> throw new ItemRejectedException("device " + cells.device() + ": activation \""
          + activation + "\" is neither OTAA nor ABP");
    };
  }

  private void checkRegion(Cells cells) {
    String region = cells.row().get("rfRegion").strip();
    if (region.isEmpty()) {
      return;
    }
    if (FrequencyPlans.bandOf(region).isEmpty()) {
      log.warn("device {}: rfRegion \"{}\" is not a band this tool knows; frequency plan {} is not"
          + " checked against it", cells.device(), region, plan.id());
      return;
    }
    FrequencyPlans.bandProblem(plan, region).ifPresent(problem -> {
      throw new ItemRejectedException("device " + cells.device() + ": " + problem);
    });
  }

  private static void deviceClass(Cells cells, EndDevice.Builder out) {
    switch (cells.row().get("classType").strip()) {
      case "B" -> {
        out.setSupportsClassB(true);
        log.warn("device {}: class B; its ping slot settings are not migrated (the CSV's formats"
            + " are unknown), so TTS uses the frequency plan's", cells.device());
      }
      case "C" -> out.setSupportsClassC(true);
      case "A", "" -> { }
      default -> throw new ItemRejectedException("device " + cells.device() + ": classType \""
          + cells.row().get("classType") + "\" is not A, B or C");
    }
  }

  /**
   * The session, when the row has DevAddr, the network session keys of its MAC version and the
   * AppSKey; an ABP row without them fails, an OTAA row without them joins again.
   */
  private static Optional<Session> session(Cells cells, boolean otaa, MACVersion mac) {
    Optional<ByteString> devAddr = cells.devAddr();
    Optional<ByteString> appSKey = cells.key("AppSKey", "AppSKey");
    Optional<ByteString> nwkSKey = cells.key("NwkSKey", "NwkSKey");
    MissingValues missing = new MissingValues().need("DevAddr (dev_addr)", devAddr);
    SessionKeys.Builder keys = SessionKeys.newBuilder();
    if (mac == MACVersion.MAC_V1_1) {
      Optional<ByteString> fNwkSIntKey = cells.key("fNwkSIntKey", "FNwkSIntKey");
      Optional<ByteString> sNwkSIntKey = cells.key("sNwkSIntKey", "SNwkSIntKey");
      missing.need("FNwkSIntKey (fNwkSIntKey)", fNwkSIntKey)
          .need("SNwkSIntKey (sNwkSIntKey)", sNwkSIntKey)
          .need("NwkSEncKey (NwkSKey)", nwkSKey);
      fNwkSIntKey.ifPresent(key -> keys.setFNwkSIntKey(envelope(key)));
      sNwkSIntKey.ifPresent(key -> keys.setSNwkSIntKey(envelope(key)));
      nwkSKey.ifPresent(key -> keys.setNwkSEncKey(envelope(key)));
    } else {
      missing.need("NwkSKey (NwkSKey)", nwkSKey);
      nwkSKey.ifPresent(key -> keys.setFNwkSIntKey(envelope(key)));
    }
    missing.need("AppSKey (AppSKey)", appSKey);
    if (!otaa) {
      missing.orReject(cells.device(), "an ABP device");
    } else if (missing.anyMissing()) {
      if (devAddr.isPresent() || appSKey.isPresent() || nwkSKey.isPresent()) {
        log.warn("device {}: the row holds only part of a session; exporting it without one, so"
            + " it must join again", cells.device());
      }
      return Optional.empty();
    }
    keys.setAppSKey(envelope(appSKey.get()));
    return Optional.of(Session.newBuilder()
        .setDevAddr(devAddr.get())
        .setKeys(keys)
        .setLastFCntUp(cells.frameCounter("fcntUp"))
        .setLastNFCntDown(cells.frameCounter("fcntDown"))
        .setLastAFCntDown(cells.frameCounter("fcntDown"))
        .build());
  }

  /**
   * RX settings: the RX2 data rate the network should use; for an ABP device, which never
   * receives a Join-Accept, also the RX1 delay, RX1 data-rate offset and RX2 data rate it already
   * uses.
   */
  private static MACSettings macSettings(Cells cells, boolean current) {
    MACSettings.Builder settings = MACSettings.newBuilder();
    OptionalLong rx2 = cells.number("rx2Dr", 0, 15);
    OptionalLong rx1Delay = cells.number("rx1Delay", 0, 15);
    OptionalLong rx1Offset = cells.number("rx1DrOffset", 0, 7);
    rx2.ifPresent(dr -> settings.setDesiredRx2DataRateIndex(DataRateIndexValue.newBuilder()
        .setValue(DataRateIndex.forNumber((int) dr))));
    if (current) {
      rx2.ifPresent(dr -> settings.setRx2DataRateIndex(DataRateIndexValue.newBuilder()
          .setValue(DataRateIndex.forNumber((int) dr))));
      rx1Delay.ifPresent(delay -> settings.setRx1Delay(RxDelayValue.newBuilder()
          .setValue(RxDelay.forNumber((int) delay))));
      rx1Offset.ifPresent(offset -> settings.setRx1DataRateOffset(DataRateOffsetValue.newBuilder()
          .setValue(DataRateOffset.forNumber((int) offset))));
      for (String column : new String[] {"rx2Freq", "cfList"}) {
        if (!cells.row().get(column).isBlank()) {
          log.warn("device {}: {} \"{}\" is not migrated (its unit or format is not known); TTS"
              + " uses the frequency plan's", cells.device(), column, cells.row().get(column));
        }
      }
    }
    if (cells.row().get("adrEnabled").strip().equalsIgnoreCase("False")) {
      log.warn("device {}: ADR is off in WMC, but TTS will run ADR for it unless you turn it off"
          + " after the import", cells.device());
    }
    return settings.build();
  }

  private static Optional<Location> location(Cells cells) {
    Optional<Double> latitude = cells.decimal("latitude", -90, 90);
    Optional<Double> longitude = cells.decimal("longitude", -180, 180);
    if (latitude.isEmpty() || longitude.isEmpty()) {
      return Optional.empty();
    }
    Location.Builder location = Location.newBuilder()
        .setLatitude(latitude.get())
        .setLongitude(longitude.get())
        .setSource(LocationSource.SOURCE_REGISTRY);
    cells.number("altitude", Integer.MIN_VALUE, Integer.MAX_VALUE)
        .ifPresent(altitude -> location.setAltitude((int) altitude));
    return Optional.of(location.build());
  }

  private static Map<String, String> attributes(CsvFile.Row row) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String column : new String[] {"clusterId", "clusterName"}) {
      if (!row.get(column).isBlank()) {
        attributes.put("wanesy-" + (column.equals("clusterId") ? "cluster-id" : "cluster-name"),
            row.get(column).strip());
      }
    }
    return attributes;
  }

  private static KeyEnvelope envelope(ByteString key) {
    return KeyEnvelope.newBuilder().setKey(key).build();
  }

  /** The cells of one row, parsed with messages that name the device, its line and the column. */
  private record Cells(String device, CsvFile.Row row) {
    @Override
    public String device() {
      return device + " (line " + row.line() + ")";
    }

    Optional<ByteString> eui(String column, String name) {
      return hex(() -> Hex.parsePadded(device(), row.get(column), 8, name + " (" + column + ")"));
    }

    Optional<ByteString> devAddr() {
      return hex(() -> Hex.parsePadded(device(), row.get("dev_addr"), 4, "DevAddr (dev_addr)"));
    }

    Optional<ByteString> key(String column, String name) {
      return hex(() -> Hex.parse(row.get(column), 16, name + " (" + column + ")"));
    }

    private Optional<ByteString> hex(java.util.function.Supplier<Optional<ByteString>> parse) {
      try {
        return parse.get();
      } catch (IllegalArgumentException e) {
        throw new ItemRejectedException("device " + device() + ": " + e.getMessage());
      }
    }

    /** A decimal frame counter; empty is 0, with a warning. */
    int frameCounter(String column) {
      OptionalLong value = number(column, 0, 0xFFFF_FFFFL);
      if (value.isEmpty()) {
        log.warn("device {}: {} is empty; exporting frame counter 0", device(), column);
      }
      return (int) value.orElse(0);
    }

    OptionalLong number(String column, long min, long max) {
      String text = row.get(column).strip();
      if (text.isEmpty()) {
        return OptionalLong.empty();
      }
      try {
        long value = Long.parseLong(text);
        if (value >= min && value <= max) {
          return OptionalLong.of(value);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ItemRejectedException("device " + device() + ": " + column + " \"" + text
          + "\" is not a whole number from " + min + " to " + max);
    }

    Optional<Double> decimal(String column, double min, double max) {
      String text = row.get(column).strip();
      if (text.isEmpty()) {
        return Optional.empty();
      }
      try {
        // A European spreadsheet writes 48,1 for 48.1.
        double value = Double.parseDouble(text.indexOf('.') < 0 ? text.replace(',', '.') : text);
        if (value >= min && value <= max) {
          return Optional.of(value);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new ItemRejectedException("device " + device() + ": " + column + " \"" + text
          + "\" is not a number from " + min + " to " + max);
    }
  }
}
