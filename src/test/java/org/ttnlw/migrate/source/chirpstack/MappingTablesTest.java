package org.ttnlw.migrate.source.chirpstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.Durations;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ttnlw.migrate.chirpstack.proto.MacVersion;
import org.ttnlw.migrate.chirpstack.proto.RegParamsRevision;
import org.ttnlw.migrate.chirpstack.proto.Region;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;

class MappingTablesTest {
  @ParameterizedTest
  @CsvSource({
      "LORAWAN_1_0_0, A, MAC_V1_0, PHY_V1_0",
      "LORAWAN_1_0_1, A, MAC_V1_0_1, PHY_V1_0_1",
      "LORAWAN_1_0_2, A, MAC_V1_0_2, PHY_V1_0_2_REV_A",
      "LORAWAN_1_0_2, B, MAC_V1_0_2, PHY_V1_0_2_REV_B",
      "LORAWAN_1_0_3, A, MAC_V1_0_3, PHY_V1_0_3_REV_A",
      "LORAWAN_1_0_4, RP002_1_0_0, MAC_V1_0_4, RP002_V1_0_0",
      "LORAWAN_1_0_4, RP002_1_0_1, MAC_V1_0_4, RP002_V1_0_1",
      "LORAWAN_1_0_4, RP002_1_0_2, MAC_V1_0_4, RP002_V1_0_2",
      "LORAWAN_1_0_4, RP002_1_0_3, MAC_V1_0_4, RP002_V1_0_3",
      "LORAWAN_1_0_4, RP002_1_0_4, MAC_V1_0_4, RP002_V1_0_4",
      "LORAWAN_1_0_4, RP002_1_0_5, MAC_V1_0_4, RP002_V1_0_4",
      "LORAWAN_1_1_0, A, MAC_V1_1, PHY_V1_1_REV_A",
      "LORAWAN_1_1_0, B, MAC_V1_1, PHY_V1_1_REV_B",
      "LORAWAN_1_1_0, RP002_1_0_2, MAC_V1_1, RP002_V1_0_2",
  })
  void everyMacVersionAndRevisionHasTtsVersions(MacVersion mac, RegParamsRevision revision,
      MACVersion ttsMac, PHYVersion ttsPhy) {
    var versions = ChirpStackVersions.of("0004a30b001c0530", mac, revision);
    assertEquals(ttsMac, versions.mac());
    assertEquals(ttsPhy, versions.phy());
  }

  @Test
  void everyEnumValueIsInTheTable() {
    for (MacVersion mac : MacVersion.values()) {
      for (RegParamsRevision revision : RegParamsRevision.values()) {
        if (mac == MacVersion.UNRECOGNIZED || revision == RegParamsRevision.UNRECOGNIZED) {
          continue;
        }
        try {
          ChirpStackVersions.of("0004a30b001c0530", mac, revision);
        } catch (DeviceMappingException e) {
          assertTrue(e.getMessage().contains("correct the device profile"), e.getMessage());
        }
      }
    }
  }

  @Test
  void aRevisionTheMacVersionDoesNotHaveFailsTheDevice() {
    DeviceMappingException e = assertThrows(DeviceMappingException.class,
        () -> ChirpStackVersions.of("0004a30b001c0530", MacVersion.LORAWAN_1_0_3,
            RegParamsRevision.B));
    assertTrue(e.getMessage().startsWith("device 0004a30b001c0530: "), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
      "US915, us915_0, US_902_928_FSB_1",
      "US915, us915_1, US_902_928_FSB_2",
      "US915, us915_7, US_902_928_FSB_8",
      "AU915, au915_0, AU_915_928_FSB_1",
      "CN470, cn470_10, CN_470_510_FSB_11",
      "EU868, eu868, EU_863_870",
      "AS923_2, '', AS_923_2",
      "KR920, kr920, KR_920_923_TTN",
  })
  void regionConfigurationsHaveTheirPlans(Region region, String config, String plan) {
    assertEquals(plan, RegionPlans.of(region, config).orElseThrow().id());
  }

  @Test
  void everyPlanOfTheTableIsOfItsRegionsBand() {
    Map<Region, Integer> seen = new EnumMap<>(Region.class);
    for (Region region : Region.values()) {
      if (region == Region.UNRECOGNIZED) {
        continue;
      }
      for (String config : new String[] {"", region.name().toLowerCase(),
          region.name().toLowerCase() + "_0", region.name().toLowerCase() + "_1"}) {
        RegionPlans.of(region, config).ifPresent(plan -> {
          assertEquals(Optional.empty(), FrequencyPlans.bandProblem(plan, region.name()));
          seen.merge(region, 1, Integer::sum);
        });
      }
    }
    assertTrue(!seen.containsKey(Region.CN779), "CN779 has no TTS plan");
    assertTrue(RegionPlans.of(Region.US915, "").isEmpty(), "US915 needs its sub-band");
    assertTrue(RegionPlans.of(Region.EU868, "eu868_custom").isEmpty());
  }

  @Test
  void deviceStatusRequestIntervalIsTimesPerDay() {
    assertEquals(Durations.fromHours(1), ProfileSettings.statusPeriod(24));
    assertEquals(Durations.fromHours(24), ProfileSettings.statusPeriod(1));
    assertEquals(Durations.fromSeconds(0), ProfileSettings.statusPeriod(0));
  }

  @Test
  void countersGoFromNextToLastAndZeroStaysZero() {
    assertEquals(0, Sessions.last(0));
    assertEquals(0, Sessions.last(1));
    assertEquals(41, Sessions.last(42));
    assertEquals(-2, Sessions.last(-1), "uint32 max next is max - 1 last");
  }

  @Test
  void idsAreTtsIds() {
    assertEquals("eui-0004a30b001c0530", ChirpStackIds.deviceId("0004A30B001C0530"));
    assertEquals("chirpstack-0123456789ab",
        ChirpStackIds.applicationId("3A5B1C2D-1111-4222-8333-0123456789AB"));
    assertEquals(null, ChirpStackIds.DEV_EUI.problem("0004A30B001C0530"));
    assertEquals("0004a30b001c0530", ChirpStackIds.DEV_EUI.canonical("0004A30B001C0530"));
    assertTrue(ChirpStackIds.UUID.problem("my-app") != null);
  }
}
