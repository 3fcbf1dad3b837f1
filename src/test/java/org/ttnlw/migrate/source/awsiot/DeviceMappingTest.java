package org.ttnlw.migrate.source.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.source.lorawan.FrequencyPlans;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;
import software.amazon.awssdk.services.iotwireless.model.AbpV1_1;
import software.amazon.awssdk.services.iotwireless.model.GetWirelessDeviceResponse;
import software.amazon.awssdk.services.iotwireless.model.LoRaWANDevice;
import software.amazon.awssdk.services.iotwireless.model.LoRaWANDeviceProfile;
import software.amazon.awssdk.services.iotwireless.model.OtaaV1_0_x;
import software.amazon.awssdk.services.iotwireless.model.OtaaV1_1;
import software.amazon.awssdk.services.iotwireless.model.SessionKeysAbpV1_1;
import software.amazon.awssdk.services.iotwireless.model.WirelessDeviceType;

/** The mapping rules of one device and its profile (bug table A6, A10-A15 of the facts). */
class DeviceMappingTest {
  private static final String KEY = "000102030405060708090A0B0C0D0E0F";
  private static final OtaaV1_0_x OTAA_10 = OtaaV1_0_x.builder().appKey(KEY)
      .appEui("70B3D57ED0000000").build();
  private static final OtaaV1_1 OTAA_11 = OtaaV1_1.builder().appKey(KEY)
      .nwkKey("FFEEDDCCBBAA99887766554433221100").joinEui("70B3D57ED0000001").build();
  private static final AbpV1_1 ABP_11 = AbpV1_1.builder().devAddr("260B0001").fCntStart(0)
      .sessionKeys(SessionKeysAbpV1_1.builder().fNwkSIntKey("11111111111111111111111111111111")
          .sNwkSIntKey("22222222222222222222222222222222")
          .nwkSEncKey("33333333333333333333333333333333")
          .appSKey("44444444444444444444444444444444").build())
      .build();

  private static AwsIotConfig config(Optional<LorawanVersions.Versions> macVersion,
      FrameCounters counters) {
    return config(macVersion, Optional.empty(), counters);
  }

  private static AwsIotConfig config(Optional<LorawanVersions.Versions> macVersion,
      Optional<Boolean> supports32BitFCnt, FrameCounters counters) {
    return new AwsIotConfig("my-app", FrequencyPlans.require("US_902_928_FSB_2"), macVersion,
        supports32BitFCnt, false, counters, Optional.empty());
  }

  private static EndDevice map(UnaryOperator<LoRaWANDevice.Builder> device,
      UnaryOperator<LoRaWANDeviceProfile.Builder> profile) {
    return map(config(Optional.empty(), FrameCounters.none()), device, profile, "meter");
  }

  private static EndDevice map(AwsIotConfig config, UnaryOperator<LoRaWANDevice.Builder> device,
      UnaryOperator<LoRaWANDeviceProfile.Builder> profile, String name) {
    GetWirelessDeviceResponse response = GetWirelessDeviceResponse.builder()
        .type(WirelessDeviceType.LO_RA_WAN).id("wd-1").name(name).destinationName("dest")
        .loRaWAN(device.apply(LoRaWANDevice.builder().devEui("A84041000181C61A")
            .deviceProfileId("dp")).build())
        .build();
    LoRaWANDeviceProfile lorawan = profile.apply(LoRaWANDeviceProfile.builder()
        .macVersion("1.0.3").rfRegion("US915")).build();
    return new DeviceMapping(config, new AwsIotReport()).map("AWS wireless device wd-1", response,
        lorawan);
  }

  private static String failure(UnaryOperator<LoRaWANDevice.Builder> device,
      UnaryOperator<LoRaWANDeviceProfile.Builder> profile) {
    return assertThrows(MigrationException.class, () -> map(device, profile)).getMessage();
  }

  @ParameterizedTest(name = "{0} + {1} -> {2} {3}")
  @CsvSource(nullValues = "-", value = {
      "1.0.3, RP002-1.0.1, MAC_V1_0_3, RP002_V1_0_1",
      "OTAA 1.0.3, -, MAC_V1_0_3, RP001_V1_0_3_REV_A",
      "1.0.2, Regional Parameters v1.0.2rB, MAC_V1_0_2, RP001_V1_0_2_REV_B",
      "1.0.2, Regional Parameters v1.0.2rA, MAC_V1_0_2, RP001_V1_0_2",
      "1.0.1, LoRaWAN v1.0.1, MAC_V1_0_1, TS001_V1_0_1",
      "1.0.4, RP002-1.0.3, MAC_V1_0_4, RP002_V1_0_3",
      "1.0.3, Regional Parameters v1.0.3rA, MAC_V1_0_3, RP001_V1_0_3_REV_A"})
  void phyVersionComesFromRegParamsRevision(String mac, String revision, MACVersion macVersion,
      String phyVersion) {
    EndDevice device = map(d -> d.otaaV1_0_x(OTAA_10),
        p -> p.macVersion(mac).regParamsRevision(revision));
    assertEquals(macVersion, device.getLorawanVersion());
    assertEquals(PHYVersion.valueOf(PHYVersion.getDescriptor().findValueByName(phyVersion)),
        device.getLorawanPhyVersion());
  }

  @Test
  void lorawan11AsTheConsoleSpellsItTakesOtaa11KeysAnd32BitCounters() {
    EndDevice device = map(d -> d.otaaV1_1(OTAA_11),
        p -> p.macVersion("1.1").regParamsRevision("Regional Parameters v1.1rA")
            .supports32BitFCnt(false));
    assertEquals(MACVersion.MAC_V1_1, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_1_REV_A, device.getLorawanPhyVersion());
    assertEquals("ffeeddccbbaa99887766554433221100",
        hex(device.getRootKeys().getNwkKey().getKey().toByteArray()));
    assertEquals("70b3d57ed0000001", hex(device.getIds().getJoinEui().toByteArray()));
    assertTrue(device.getMacSettings().getSupports32BitFCnt().getValue(),
        "LoRaWAN 1.1 counters are 32 bits whatever the profile says");
  }

  @Test
  void versionsThatCannotBeMappedStopTheDeviceNamingThem() {
    String unknown = failure(d -> d.otaaV1_0_x(OTAA_10),
        p -> p.macVersion("1.0.3").regParamsRevision("RP003-9.9"));
    assertTrue(unknown.contains("RegParamsRevision \"RP003-9.9\""), unknown);
    assertTrue(unknown.contains("--mac-version"), unknown);
    String noRevision = failure(d -> d.otaaV1_0_x(OTAA_10), p -> p.macVersion("1.0.2"));
    assertTrue(noRevision.contains("needs a Regional Parameters revision"), noRevision);
  }

  @Test
  void theMacVersionFlagOverridesTheProfile() {
    EndDevice device = map(config(Optional.of(LorawanVersions.combined("1.0.2b")),
        FrameCounters.none()), d -> d.otaaV1_0_x(OTAA_10), p -> p.macVersion("nonsense"), "x");
    assertEquals(MACVersion.MAC_V1_0_2, device.getLorawanVersion());
    assertEquals(PHYVersion.RP001_V1_0_2_REV_B, device.getLorawanPhyVersion());
  }

  @Test
  void theDeviceIdComesFromTheDevEuiAndAwsIdsBecomeAttributes() {
    EndDevice device = map(d -> d.otaaV1_0_x(OTAA_10), p -> p);
    assertEquals("eui-a84041000181c61a", device.getIds().getDeviceId());
    assertEquals("a84041000181c61a", hex(device.getIds().getDevEui().toByteArray()));
    assertEquals("wd-1", device.getAttributesOrThrow("aws-wireless-device-id"));
    assertEquals("dest", device.getAttributesOrThrow("aws-destination-name"));
    assertFalse(device.containsAttributes("aws-thing-name"), "no thing, no attribute");
  }

  @Test
  void activationFollowsTheDeviceAndMustAgreeWithTheProfile() {
    assertTrue(failure(d -> d.otaaV1_0_x(OTAA_10), p -> p.supportsJoin(false))
        .contains("has OtaaV1_0_x but its profile says SupportsJoin=false"));
    assertTrue(failure(d -> d.abpV1_1(ABP_11), p -> p.macVersion("1.0.3"))
        .contains("has AbpV1_1 but its MAC version is MAC_V1_0_3"));
    assertTrue(failure(d -> d.otaaV1_0_x(OTAA_10),
        p -> p.macVersion("1.1").regParamsRevision("Regional Parameters v1.1rB"))
        .contains("has OtaaV1_0_x but its MAC version is MAC_V1_1"));
    assertTrue(failure(d -> d, p -> p).contains("has none of OtaaV1_0_x"));
    assertTrue(failure(d -> d.otaaV1_0_x(OTAA_10).otaaV1_1(OTAA_11), p -> p)
        .contains("more than one activation"));
    assertFalse(map(d -> d.otaaV1_0_x(OTAA_10), p -> p.supportsJoin(null)).getMacSettings()
        .hasResetsFCnt(), "no SupportsJoin: the device's activation object decides");
  }

  @Test
  void abp11ExportsAllFourSessionKeysAndGivenCountersForBothDownlinkCounters(
      @TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("c.csv"), "A84041000181C61A, 100, 20\n");
    EndDevice device = map(config(Optional.empty(), FrameCounters.read(csv)),
        d -> d.abpV1_1(ABP_11),
        p -> p.macVersion("1.1").regParamsRevision("Regional Parameters v1.1rB"), "x");
    var keys = device.getSession().getKeys();
    assertEquals("11111111111111111111111111111111", hex(keys.getFNwkSIntKey().getKey().toByteArray()));
    assertEquals("22222222222222222222222222222222", hex(keys.getSNwkSIntKey().getKey().toByteArray()));
    assertEquals("33333333333333333333333333333333", hex(keys.getNwkSEncKey().getKey().toByteArray()));
    assertEquals("44444444444444444444444444444444", hex(keys.getAppSKey().getKey().toByteArray()));
    assertEquals(100, device.getSession().getLastFCntUp());
    assertEquals(20, device.getSession().getLastNFCntDown());
    assertEquals(20, device.getSession().getLastAFCntDown());
    assertFalse(device.getMacSettings().hasResetsFCnt());
  }

  @Test
  void supports32BitFCntIsCopiedOnlyWhenTheProfileHasIt() {
    assertFalse(map(d -> d.otaaV1_0_x(OTAA_10), p -> p).getMacSettings().hasSupports32BitFCnt());
    assertFalse(map(d -> d.otaaV1_0_x(OTAA_10), p -> p.supports32BitFCnt(false)).getMacSettings()
        .getSupports32BitFCnt().getValue());
    assertTrue(map(d -> d.otaaV1_0_x(OTAA_10), p -> p.supports32BitFCnt(true)).getMacSettings()
        .getSupports32BitFCnt().getValue());
  }

  @Test
  void theOperatorOverridesSupports32BitFCntFor10xButNotFor11() {
    AwsIotConfig no = config(Optional.empty(), Optional.of(false), FrameCounters.none());
    assertFalse(map(no, d -> d.otaaV1_0_x(OTAA_10), p -> p.supports32BitFCnt(true), "x")
        .getMacSettings().getSupports32BitFCnt().getValue());
    assertTrue(map(no, d -> d.otaaV1_1(OTAA_11),
        p -> p.macVersion("1.1").regParamsRevision("Regional Parameters v1.1rA"), "x")
        .getMacSettings().getSupports32BitFCnt().getValue());
  }

  @Test
  void membersTheProfileLeavesOutStayUnsetForThePlanDefaults() {
    var mac = map(d -> d.otaaV1_0_x(OTAA_10), p -> p).getMacSettings();
    assertFalse(mac.hasRx1Delay() || mac.hasRx2Frequency() || mac.hasRx2DataRateIndex()
        || mac.hasRx1DataRateOffset() || mac.hasClassBTimeout() || mac.hasClassCTimeout()
        || mac.hasPingSlotPeriodicity() || mac.hasPingSlotFrequency()
        || mac.getFactoryPresetFrequenciesCount() > 0, mac.toString());
  }

  @Test
  void aFrequencyInHzInsteadOf100HzUnitsStopsTheDevice() {
    String message = failure(d -> d.otaaV1_0_x(OTAA_10), p -> p.rxFreq2(923_300_000));
    assertTrue(message.contains("RxFreq2 = 923300000 is outside AWS's range"), message);
    String list = failure(d -> d.otaaV1_0_x(OTAA_10),
        p -> p.factoryPresetFreqsList(9_023_000, 902_300_000));
    assertTrue(list.contains("FactoryPresetFreqsList = 902300000"), list);
  }

  @Test
  void longNamesAreCutToTtsLimitsWithTheFullNameKept() {
    String name = "n".repeat(80);
    EndDevice device = map(config(Optional.empty(), FrameCounters.none()),
        d -> d.otaaV1_0_x(OTAA_10), p -> p, name);
    assertEquals(50, device.getName().length());
    assertEquals(name, device.getAttributesOrThrow("aws-name"));
  }

  @Test
  void joinEuiIsAppEuiOrJoinEuiButNotTwoDifferentOnes() {
    EndDevice joinEuiOnly = map(d -> d.otaaV1_0_x(OtaaV1_0_x.builder().appKey(KEY)
        .joinEui("70B3D57ED0000009").build()), p -> p.macVersion("1.0.4"));
    assertEquals("70b3d57ed0000009", hex(joinEuiOnly.getIds().getJoinEui().toByteArray()));
    assertTrue(failure(d -> d.otaaV1_0_x(OTAA_10.toBuilder().joinEui("70B3D57ED0000009").build()),
        p -> p).contains("different JoinEui"));
  }

  @Test
  void aMalformedKeyIsNamedButNeverPrinted() {
    String message = failure(d -> d.otaaV1_0_x(OTAA_10.toBuilder().appKey("0123SECRET").build()),
        p -> p);
    assertTrue(message.contains("AppKey is not 32 hex digits"), message);
    assertFalse(message.contains("0123SECRET"), message);
  }

  @Test
  void aProfileWithoutRfRegionIsExportedWithTheGivenPlan() {
    assertEquals("US_902_928_FSB_2",
        map(d -> d.otaaV1_0_x(OTAA_10), p -> p.rfRegion(null)).getFrequencyPlanId());
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
