package org.ttnlw.migrate.source.awsiot;

import com.google.protobuf.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.DataRateIndexValue;
import org.ttnlw.migrate.proto.DataRateOffsetValue;
import org.ttnlw.migrate.proto.FrequencyValue;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PingSlotPeriodValue;
import org.ttnlw.migrate.proto.RxDelayValue;
import org.ttnlw.migrate.proto.ZeroableFrequencyValue;
import software.amazon.awssdk.services.iotwireless.model.LoRaWANDeviceProfile;

/**
 * A device profile's LoRaWAN settings as TTS MAC settings, each member converted by its unit.
 * MaxEirp and MaxDutyCycle are left out: AWS does not say whether they are dBm and percent or
 * LoRaWAN codes, and either reading of the other would set a wrong power or duty cycle.
 */
final class ProfileSettings {
  /** One integer member of the profile, its unit and the MAC setting it fills. */
  private record Rule(String member, Function<LoRaWANDeviceProfile, Integer> read, ProfileUnit unit,
      BiConsumer<MACSettings.Builder, Long> write) {}

  private static final List<Rule> RULES = List.of(
      new Rule("ClassBTimeout", LoRaWANDeviceProfile::classBTimeout, ProfileUnit.SECONDS,
          (mac, v) -> mac.setClassBTimeout(Duration.newBuilder().setSeconds(v))),
      new Rule("PingSlotPeriod", LoRaWANDeviceProfile::pingSlotPeriod, ProfileUnit.PING_SLOTS,
          (mac, v) -> mac.setPingSlotPeriodicity(
              PingSlotPeriodValue.newBuilder().setValueValue(v.intValue()))),
      new Rule("PingSlotDr", LoRaWANDeviceProfile::pingSlotDr, ProfileUnit.DATA_RATE,
          (mac, v) -> mac.setPingSlotDataRateIndex(
              DataRateIndexValue.newBuilder().setValueValue(v.intValue()))),
      new Rule("PingSlotFreq", LoRaWANDeviceProfile::pingSlotFreq, ProfileUnit.HUNDRED_HZ,
          (mac, v) -> mac.setPingSlotFrequency(ZeroableFrequencyValue.newBuilder().setValue(v))),
      new Rule("ClassCTimeout", LoRaWANDeviceProfile::classCTimeout, ProfileUnit.SECONDS,
          (mac, v) -> mac.setClassCTimeout(Duration.newBuilder().setSeconds(v))),
      new Rule("RxDelay1", LoRaWANDeviceProfile::rxDelay1, ProfileUnit.RX_DELAY,
          (mac, v) -> mac.setRx1Delay(RxDelayValue.newBuilder().setValueValue(v.intValue()))),
      new Rule("RxDrOffset1", LoRaWANDeviceProfile::rxDrOffset1, ProfileUnit.DATA_RATE_OFFSET,
          (mac, v) -> mac.setRx1DataRateOffset(
              DataRateOffsetValue.newBuilder().setValueValue(v.intValue()))),
      new Rule("RxDataRate2", LoRaWANDeviceProfile::rxDataRate2, ProfileUnit.DATA_RATE,
          (mac, v) -> mac.setRx2DataRateIndex(
              DataRateIndexValue.newBuilder().setValueValue(v.intValue()))),
      new Rule("RxFreq2", LoRaWANDeviceProfile::rxFreq2, ProfileUnit.HUNDRED_HZ,
          (mac, v) -> mac.setRx2Frequency(FrequencyValue.newBuilder().setValue(v))));

  private ProfileSettings() {}

  /**
   * The MAC settings of {@code profile}; members it leaves out stay unset, so TTS uses the
   * frequency plan's defaults for them.
   *
   * @param supports32BitFCnt the operator's override of Supports32BitFCnt, if any
   *
   * @throws ProfileValueException when a member cannot be converted
   */
  static MACSettings of(LoRaWANDeviceProfile profile, MACVersion macVersion,
      Optional<Boolean> supports32BitFCnt) {
    MACSettings.Builder mac = MACSettings.newBuilder();
    for (Rule rule : RULES) {
      Integer value = rule.read().apply(profile);
      if (value != null) {
        rule.write().accept(mac, rule.unit().convert(rule.member(), value));
      }
    }
    if (profile.hasFactoryPresetFreqsList()) {
      for (Integer frequency : profile.factoryPresetFreqsList()) {
        mac.addFactoryPresetFrequencies(
            ProfileUnit.HUNDRED_HZ.convert("FactoryPresetFreqsList", frequency));
      }
    }
    // LoRaWAN 1.1 frame counters are 32 bits by definition; for 1.0.x the operator's word, or
    // what AWS states, and nothing when neither says.
    Optional<Boolean> fullCounters = macVersion == MACVersion.MAC_V1_1 ? Optional.of(true)
        : supports32BitFCnt.or(() -> Optional.ofNullable(profile.supports32BitFCnt()));
    fullCounters.ifPresent(value -> mac.setSupports32BitFCnt(BoolValue.newBuilder().setValue(value)));
    return mac.build();
  }

  /** Members that are set but not exported, for the per-device warning. */
  static List<String> unexported(LoRaWANDeviceProfile profile) {
    return Stream.of(
            profile.maxEirp() == null ? null : "MaxEirp=" + profile.maxEirp(),
            profile.maxDutyCycle() == null ? null : "MaxDutyCycle=" + profile.maxDutyCycle())
        .filter(Objects::nonNull)
        .toList();
  }
}
