package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.json.JsonAssertions.assertReadFails;
import static org.ttnlw.migrate.json.JsonAssertions.assertWrites;
import static org.ttnlw.migrate.json.JsonAssertions.read;

import com.google.protobuf.ByteString;
import com.google.protobuf.UInt32Value;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ADRSettings;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.MACCommand;
import org.ttnlw.migrate.proto.MACParameters;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.RxDelay;
import org.ttnlw.migrate.proto.RxDelayValue;

/** Which fields are written, TTS wrappers and renamed fields. */
class PresenceJsonTest {
  @Test
  void leavesOutFieldsWithTheirZeroValue() {
    assertEquals("{}", TtsJson.instance().toJson(EndDevice.getDefaultInstance()));
    assertEquals(
        "{}",
        TtsJson.instance()
            .toJson(
                EndDevice.newBuilder()
                    .setName("")
                    .setSupportsJoin(false)
                    .setLastDevNonce(0)
                    .setNetId(ByteString.EMPTY)
                    .setLorawanVersion(MACVersion.MAC_UNKNOWN)
                    .build()));
  }

  @Test
  void writesSetMessagesEvenWhenEmpty() {
    assertWrites(
        "{'mac_settings': {}, 'ids': {}}",
        EndDevice.newBuilder()
            .setMacSettings(MACSettings.getDefaultInstance())
            .setIds(EndDeviceIdentifiers.getDefaultInstance()));
    assertWrites(
        "{'adr': {'disabled': {}}}",
        MACSettings.newBuilder()
            .setAdr(
                ADRSettings.newBuilder()
                    .setDisabled(ADRSettings.DisabledMode.getDefaultInstance())));
  }

  @Test
  void writesASetOneofMemberEvenWhenZero() {
    assertWrites("{'raw_payload': ''}", MACCommand.newBuilder().setRawPayload(ByteString.EMPTY));
    assertTrue(read("{'raw_payload': ''}", MACCommand.newBuilder()).hasRawPayload());
  }

  @Test
  void writesTtsWrappersAsBareValuesEvenWhenZero() {
    assertWrites(
        "{'supports_32_bit_f_cnt': true, 'use_adr': false, 'rx1_delay': 0}",
        MACSettings.newBuilder()
            .setSupports32BitFCnt(BoolValue.newBuilder().setValue(true))
            .setUseAdr(BoolValue.getDefaultInstance())
            .setRx1Delay(RxDelayValue.newBuilder().setValue(RxDelay.RX_DELAY_0)));
  }

  @Test
  void readsTtsWrappersBareOrAsObjects() {
    MACSettings expected =
        MACSettings.newBuilder()
            .setUseAdr(BoolValue.getDefaultInstance())
            .setRx1Delay(RxDelayValue.newBuilder().setValue(RxDelay.RX_DELAY_3))
            .build();
    assertEquals(
        expected, read("{'use_adr': false, 'rx1_delay': 3}", MACSettings.newBuilder()).build());
    assertEquals(
        expected,
        read(
                "{'use_adr': {'value': false}, 'rx1_delay': {'value': 'RX_DELAY_3'}}",
                MACSettings.newBuilder())
            .build());
    assertEquals(
        expected,
        read("{'use_adr': {}, 'rx1_delay': {'value': 3}}", MACSettings.newBuilder()).build());
  }

  @Test
  void leavesFieldsThatAreNullUnset() {
    EndDevice.Builder device =
        read(
            "{'name': null, 'mac_settings': null, 'used_dev_nonces': null, 'attributes': null,"
                + " 'skip_payload_crypto_override': null, 'ids': {'dev_eui': null}}",
            EndDevice.newBuilder());
    assertEquals(
        EndDevice.newBuilder().setIds(EndDeviceIdentifiers.getDefaultInstance()).build(),
        device.build());
    assertFalse(device.hasMacSettings());
  }

  @Test
  void writesAndReadsRenamedFieldsUnderTheirTtsName() {
    MACParameters parameters =
        MACParameters.newBuilder()
            .setPingSlotDataRateIndexLegacy(DataRateIndex.DATA_RATE_3)
            .build();
    assertWrites("{'ping_slot_data_rate_index': 3}", parameters);
    assertEquals(
        parameters, read("{'ping_slot_data_rate_index': 3}", MACParameters.newBuilder()).build());
    assertReadFails(
        "ping_slot_data_rate_index_legacy: unknown field of ttn.lorawan.v3.MACParameters",
        "{'ping_slot_data_rate_index_legacy': 3}",
        MACParameters.newBuilder());
  }

  @Test
  void readsLowerCamelCaseNamesToo() {
    assertEquals(
        MACParameters.newBuilder()
            .setPingSlotDataRateIndexLegacy(DataRateIndex.DATA_RATE_3)
            .setRx2Frequency(869525000)
            .build(),
        read(
                "{'pingSlotDataRateIndex': 3, 'rx2Frequency': '869525000'}",
                MACParameters.newBuilder())
            .build());
  }

  @Test
  void mergesIntoTheFieldsABuilderAlreadyHas() {
    EndDevice.Builder device =
        EndDevice.newBuilder()
            .setName("kept")
            .addUsedDevNonces(1)
            .setMacSettings(MACSettings.newBuilder().setStatusCountPeriodicity(UInt32Value.of(5)));
    read("{'description': 'added', 'used_dev_nonces': [2], 'mac_settings': {}}", device);
    assertEquals(
        EndDevice.newBuilder()
            .setName("kept")
            .setDescription("added")
            .addUsedDevNonces(1)
            .addUsedDevNonces(2)
            .setMacSettings(MACSettings.getDefaultInstance())
            .build(),
        device.build());
  }
}
