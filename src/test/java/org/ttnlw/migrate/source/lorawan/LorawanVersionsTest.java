package org.ttnlw.migrate.source.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.source.lorawan.LorawanVersions.UnknownVersionException;
import org.ttnlw.migrate.source.lorawan.LorawanVersions.Versions;

class LorawanVersionsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "1.0.0, MAC_V1_0, TS001_V1_0",
      "1.0.1, MAC_V1_0_1, TS001_V1_0_1",
      "1.0.2a, MAC_V1_0_2, RP001_V1_0_2",
      "1.0.2b, MAC_V1_0_2, RP001_V1_0_2_REV_B",
      "1.0.2B, MAC_V1_0_2, RP001_V1_0_2_REV_B",
      "1.0.3, MAC_V1_0_3, RP001_V1_0_3_REV_A",
      "1.0.4, MAC_V1_0_4, RP002_V1_0_4",
      "1.1.0a, MAC_V1_1, RP001_V1_1_REV_A",
      "1.1.0b, MAC_V1_1, RP001_V1_1_REV_B",
  })
  void combinedSpellingsOfTheGoTool(String spelling, MACVersion mac, String phy) {
    assertEquals(new Versions(mac, LorawanVersions.phyNamed(phy)), LorawanVersions.combined(spelling));
  }

  @ParameterizedTest(name = "{0} rev {1}")
  @CsvSource({
      "1.0.0, '', MAC_V1_0, TS001_V1_0",
      "1.0.0, A, MAC_V1_0, TS001_V1_0",
      "1.0.2, A, MAC_V1_0_2, RP001_V1_0_2",
      "1.0.2, b, MAC_V1_0_2, RP001_V1_0_2_REV_B",
      "1.0.3, '', MAC_V1_0_3, RP001_V1_0_3_REV_A",
      "1.0.4, '', MAC_V1_0_4, RP002_V1_0_4",
      "1.1.0, A, MAC_V1_1, RP001_V1_1_REV_A",
      "1.1, B, MAC_V1_1, RP001_V1_1_REV_B",
      "1.0.3, RP002-1.0.1, MAC_V1_0_3, RP002_V1_0_1",
      "OTAA 1.0.3, Regional Parameters v1.0.3rA, MAC_V1_0_3, RP001_V1_0_3_REV_A",
      "ABP 1.1, Regional Parameters v1.1rB, MAC_V1_1, RP001_V1_1_REV_B",
      "1.0.2, Regional Parameters  V1.0.2rB, MAC_V1_0_2, RP001_V1_0_2_REV_B",
  })
  void macWithRevisionOrRegionalParametersName(String mac, String revision, MACVersion macVersion,
      String phy) {
    assertEquals(new Versions(macVersion, LorawanVersions.phyNamed(phy)), LorawanVersions.of(mac, revision));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "LoRaWAN v1.0, TS001_V1_0",
      "LoRaWAN v1.0.1, TS001_V1_0_1",
      "Regional Parameters v1.0.2, RP001_V1_0_2",
      "Regional Parameters v1.0.2rB, RP001_V1_0_2_REV_B",
      "Regional Parameters v1.0.3rA, RP001_V1_0_3_REV_A",
      "Regional Parameters v1.1rA, RP001_V1_1_REV_A",
      "RP002-1.0.0, RP002_V1_0_0",
      "RP002-1.0.1, RP002_V1_0_1",
      "RP002-1.0.3, RP002_V1_0_3",
      "RP002-1.0.4, RP002_V1_0_4",
      "rp001_v1_0_2_rev_b, RP001_V1_0_2_REV_B",
      "RP002_V1_0_2, RP002_V1_0_2",
  })
  void regionalParametersNames(String spelling, String phy) {
    assertEquals(LorawanVersions.phyNamed(phy), LorawanVersions.phy(spelling));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1.0, MAC_V1_0", "1.0.3, MAC_V1_0_3", "1.1, MAC_V1_1", "1.1.0, MAC_V1_1",
      "OTAA 1.0.3, MAC_V1_0_3", "ABP 1.0.2, MAC_V1_0_2"})
  void awsMacSpellings(String spelling, MACVersion mac) {
    assertEquals(mac, LorawanVersions.mac(spelling));
  }

  @Test
  void versionsThatNeedARevisionSayWhich() {
    UnknownVersionException e = assertThrows(UnknownVersionException.class,
        () -> LorawanVersions.of("1.0.2", ""));
    assertTrue(e.getMessage().contains("1.0.2 needs a Regional Parameters revision (A or B)"),
        e.getMessage());
  }

  @Test
  void aRevisionTheVersionDoesNotHaveIsRefused() {
    UnknownVersionException e = assertThrows(UnknownVersionException.class,
        () -> LorawanVersions.of("1.0.3", "B"));
    assertTrue(e.getMessage().contains("no Regional Parameters revision \"B\""), e.getMessage());
  }

  @Test
  void unknownSpellingsNameThemselvesAndTheKnownOnes() {
    UnknownVersionException mac = assertThrows(UnknownVersionException.class,
        () -> LorawanVersions.combined("1.2"));
    assertTrue(mac.getMessage().contains("\"1.2\""), mac.getMessage());
    assertTrue(mac.getMessage().contains("1.0.2b"), mac.getMessage());
    UnknownVersionException combinedNeedsRevision = assertThrows(UnknownVersionException.class,
        () -> LorawanVersions.combined("1.1.0"));
    assertTrue(combinedNeedsRevision.getMessage().contains("1.1.0a"),
        combinedNeedsRevision.getMessage());
    UnknownVersionException phy = assertThrows(UnknownVersionException.class,
        () -> LorawanVersions.phy("RP003-1.0.0"));
    assertTrue(phy.getMessage().contains("RP002-1.0.1"), phy.getMessage());
    assertThrows(UnknownVersionException.class, () -> LorawanVersions.mac(""));
    assertThrows(UnknownVersionException.class, () -> LorawanVersions.mac(null));
  }

  @Test
  void knownCombinedListsEachSpellingOnce() {
    assertEquals(java.util.List.of("1.0", "1.0.0", "1.0.1", "1.0.2a", "1.0.2b", "1.0.3", "1.0.4",
        "1.1a", "1.1b", "1.1.0a", "1.1.0b"), LorawanVersions.knownCombined());
  }

  @Test
  void impliedPhyOnlyWhereOneFits() {
    assertEquals(PHYVersion.RP001_V1_0_3_REV_A,
        LorawanVersions.impliedPhy(MACVersion.MAC_V1_0_3).orElseThrow());
    assertTrue(LorawanVersions.impliedPhy(MACVersion.MAC_V1_0_2).isEmpty());
    assertTrue(LorawanVersions.impliedPhy(MACVersion.MAC_V1_1).isEmpty());
  }
}
