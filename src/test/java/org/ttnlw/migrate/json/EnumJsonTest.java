package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ttnlw.migrate.json.JsonAssertions.assertWrites;
import static org.ttnlw.migrate.json.JsonAssertions.read;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ttnlw.migrate.proto.ADRAckLimitExponent;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACParameters;
import org.ttnlw.migrate.proto.MACState;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.proto.RxDelay;

class EnumJsonTest {
  @Test
  void writesEnumsAsNamesUnlessMarkedAsNumber() {
    assertWrites(
        "{'lorawan_version': 'MAC_V1_0_2'}",
        EndDevice.newBuilder().setLorawanVersion(MACVersion.MAC_V1_0_2));
    assertWrites(
        "{'rx1_delay': 1, 'channels': [{'max_data_rate_index': 5}]}",
        MACParameters.newBuilder()
            .setRx1Delay(RxDelay.RX_DELAY_1)
            .addChannels(
                MACParameters.Channel.newBuilder().setMaxDataRateIndex(DataRateIndex.DATA_RATE_5)));
  }

  @Test
  void writesListsOfEnums() {
    assertWrites(
        "{'rejected_adr_data_rate_indexes': [1, 2]}",
        MACState.newBuilder()
            .addRejectedAdrDataRateIndexes(DataRateIndex.DATA_RATE_1)
            .addRejectedAdrDataRateIndexes(DataRateIndex.DATA_RATE_2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'MAC_V1_0_2'", "3", "'3'", "'1.0.2'", "'V1_0_2'"})
  void readsNamesNumbersAndAliases(String value) {
    assertEquals(
        MACVersion.MAC_V1_0_2,
        read("{'lorawan_version': " + value + "}", EndDevice.newBuilder()).getLorawanVersion());
  }

  @ParameterizedTest
  @ValueSource(strings = {"5", "'5'", "'DATA_RATE_5'"})
  void readsNumberEnumsFromNamesToo(String value) {
    assertEquals(
        DataRateIndex.DATA_RATE_5,
        read("{'adr_data_rate_index': " + value + "}", MACParameters.newBuilder())
            .getAdrDataRateIndex());
  }

  @Test
  void anAliasThatLooksLikeANumberMeansTheAlias() {
    assertEquals(
        ADRAckLimitExponent.ADR_ACK_LIMIT_2,
        read("{'adr_ack_limit_exponent': '2'}", MACParameters.newBuilder())
            .getAdrAckLimitExponent()
            .getValue());
    assertEquals(
        ADRAckLimitExponent.ADR_ACK_LIMIT_4,
        read("{'adr_ack_limit_exponent': 2}", MACParameters.newBuilder())
            .getAdrAckLimitExponent()
            .getValue());
  }

  @Test
  void readsPhyVersionAliasesAndWritesTheFirstNameOfANumber() {
    EndDevice device = read("{'lorawan_phy_version': '1.0.2-b'}", EndDevice.newBuilder()).build();
    assertEquals(PHYVersion.PHY_V1_0_2_REV_B, device.getLorawanPhyVersion());
    assertWrites("{'lorawan_phy_version': 'PHY_V1_0_2_REV_B'}", device);
    assertWrites(
        "{'lorawan_phy_version': 'PHY_V1_0_2_REV_B'}",
        EndDevice.newBuilder().setLorawanPhyVersion(PHYVersion.RP001_V1_0_2_REV_B));
    assertEquals(
        PHYVersion.PHY_V1_0_2_REV_B,
        read("{'lorawan_phy_version': 'RP001_V1_0_2_REV_B'}", EndDevice.newBuilder())
            .getLorawanPhyVersion());
    assertWrites(
        "{'lorawan_phy_version': 'RP002_V1_0_4'}",
        EndDevice.newBuilder().setLorawanPhyVersion(PHYVersion.RP002_V1_0_4));
  }

  @Test
  void keepsNumbersTheEnumDoesNotDeclare() {
    EndDevice device = read("{'lorawan_version': 42}", EndDevice.newBuilder()).build();
    assertEquals(42, device.getLorawanVersionValue());
    assertWrites("{'lorawan_version': 42}", device);
  }
}
