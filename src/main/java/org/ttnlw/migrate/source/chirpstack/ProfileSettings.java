package org.ttnlw.migrate.source.chirpstack;

import com.google.protobuf.Duration;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.util.Durations;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfile;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.DataRateIndexValue;
import org.ttnlw.migrate.proto.DataRateOffset;
import org.ttnlw.migrate.proto.DataRateOffsetValue;
import org.ttnlw.migrate.proto.FrequencyValue;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.PingSlotPeriod;
import org.ttnlw.migrate.proto.PingSlotPeriodValue;
import org.ttnlw.migrate.proto.RxDelay;
import org.ttnlw.migrate.proto.RxDelayValue;
import org.ttnlw.migrate.proto.ZeroableFrequencyValue;

/**
 * The MAC settings a device profile implies, in the units the ChirpStack facts give: class B
 * periodicity as the exponent p (a ping slot every 2^p s), data rates as indices, frequencies in
 * Hz, class B/C timeouts and RX1 delays in seconds, and DevStatusReq as times per day. A zero
 * means "server default" in ChirpStack and is left to TTS's default.
 */
final class ProfileSettings {
  private static final long NANOS_PER_DAY = 86_400L * 1_000_000_000L;

  private ProfileSettings() {}

  static MACSettings of(String devEui, DeviceProfile profile, boolean skipFCntCheck) {
    MACSettings.Builder settings = MACSettings.newBuilder();
    if (profile.getSupportsClassB()) {
      classB(devEui, profile, settings);
    }
    if (profile.getSupportsClassC() && profile.getClassCTimeout() > 0) {
      settings.setClassCTimeout(Durations.fromSeconds(profile.getClassCTimeout()));
    }
    settings.setStatusCountPeriodicity(UInt32Value.of(0));
    settings.setStatusTimePeriodicity(statusPeriod(profile.getDeviceStatusReqInterval()));
    if (profile.getSupportsOtaa()) {
      if (profile.getRx1Delay() > 0) {
        RxDelay delay = rxDelay(devEui, "rx1_delay", profile.getRx1Delay());
        settings.setRx1Delay(RxDelayValue.newBuilder().setValue(delay));
        settings.setDesiredRx1Delay(RxDelayValue.newBuilder().setValue(delay));
      }
    } else {
      abp(devEui, profile, settings);
    }
    if (skipFCntCheck) {
      settings.setResetsFCnt(BoolValue.newBuilder().setValue(true));
    }
    return settings.build();
  }

  /** TTS asks for the device status once per period; ChirpStack says how often per day. */
  static Duration statusPeriod(int timesPerDay) {
    if (timesPerDay == 0) {
      return Durations.fromSeconds(0);
    }
    return Durations.fromNanos(NANOS_PER_DAY / Integer.toUnsignedLong(timesPerDay));
  }

  private static void classB(String devEui, DeviceProfile profile, MACSettings.Builder settings) {
    PingSlotPeriod period = PingSlotPeriod.forNumber(profile.getClassBPingSlotPeriodicity());
    if (period == null) {
      throw new DeviceMappingException(devEui, "its device profile's class_b_ping_slot_periodicity"
          + " is " + profile.getClassBPingSlotPeriodicity() + "; it must be 0 to 7");
    }
    settings.setPingSlotPeriodicity(PingSlotPeriodValue.newBuilder().setValue(period));
    settings.setPingSlotDataRateIndex(DataRateIndexValue.newBuilder()
        .setValue(dataRate(devEui, "class_b_ping_slot_dr", profile.getClassBPingSlotDr())));
    if (profile.getClassBPingSlotFreq() > 0) {
      settings.setPingSlotFrequency(ZeroableFrequencyValue.newBuilder()
          .setValue(Integer.toUnsignedLong(profile.getClassBPingSlotFreq())));
    }
    if (profile.getClassBTimeout() > 0) {
      settings.setClassBTimeout(Durations.fromSeconds(profile.getClassBTimeout()));
    }
  }

  /** ChirpStack keeps the abp_* fields, the RX settings an ABP device was built with, only for ABP. */
  private static void abp(String devEui, DeviceProfile profile, MACSettings.Builder settings) {
    if (profile.getAbpRx1Delay() > 0) {
      settings.setRx1Delay(RxDelayValue.newBuilder()
          .setValue(rxDelay(devEui, "abp_rx1_delay", profile.getAbpRx1Delay())));
    }
    DataRateOffset offset = DataRateOffset.forNumber(profile.getAbpRx1DrOffset());
    if (offset == null) {
      throw new DeviceMappingException(devEui, "its device profile's abp_rx1_dr_offset is "
          + profile.getAbpRx1DrOffset() + "; it must be 0 to 7");
    }
    settings.setRx1DataRateOffset(DataRateOffsetValue.newBuilder().setValue(offset));
    settings.setRx2DataRateIndex(DataRateIndexValue.newBuilder()
        .setValue(dataRate(devEui, "abp_rx2_dr", profile.getAbpRx2Dr())));
    if (profile.getAbpRx2Freq() > 0) {
      settings.setRx2Frequency(FrequencyValue.newBuilder()
          .setValue(Integer.toUnsignedLong(profile.getAbpRx2Freq())));
    }
  }

  private static RxDelay rxDelay(String devEui, String field, int seconds) {
    RxDelay delay = seconds <= 15 ? RxDelay.forNumber(seconds) : null;
    if (delay == null) {
      throw new DeviceMappingException(devEui, "its device profile's " + field + " is "
          + Integer.toUnsignedString(seconds) + " s; it must be 0 to 15");
    }
    return delay;
  }

  private static DataRateIndex dataRate(String devEui, String field, int index) {
    DataRateIndex dataRate = index >= 0 && index <= 15 ? DataRateIndex.forNumber(index) : null;
    if (dataRate == null) {
      throw new DeviceMappingException(devEui, "its device profile's " + field + " is "
          + Integer.toUnsignedString(index) + "; data rate indices are 0 to 15");
    }
    return dataRate;
  }
}
