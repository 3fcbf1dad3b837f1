package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.JsonOptions;
import org.ttnlw.migrate.proto.MACParameters;
import org.ttnlw.migrate.proto.MACVersion;
import org.ttnlw.migrate.proto.PHYVersion;
import org.ttnlw.migrate.proto.RxDelayValue;

/** The json options the codec relies on are in the generated descriptors at run time. */
class JsonOptionsTest {
  @Test
  void fieldOptions() {
    assertEquals(
        8,
        EndDeviceIdentifiers.getDescriptor()
            .findFieldByName("dev_eui")
            .getOptions()
            .getExtension(JsonOptions.hexBytes));
    assertEquals(
        "ping_slot_data_rate_index",
        MACParameters.getDescriptor()
            .findFieldByName("ping_slot_data_rate_index_legacy")
            .getOptions()
            .getExtension(JsonOptions.ttsName));
  }

  @Test
  void messageOptions() {
    assertTrue(RxDelayValue.getDescriptor().getOptions().getExtension(JsonOptions.bareWrapper));
    assertFalse(MACParameters.getDescriptor().getOptions().getExtension(JsonOptions.bareWrapper));
  }

  @Test
  void enumOptions() {
    assertTrue(DataRateIndex.getDescriptor().getOptions().getExtension(JsonOptions.asNumber));
    assertFalse(MACVersion.getDescriptor().getOptions().getExtension(JsonOptions.asNumber));
    assertEquals(
        List.of("1.0.2-b", "V1_0_2_REV_B"),
        PHYVersion.PHY_V1_0_2_REV_B
            .getValueDescriptor()
            .getOptions()
            .getExtension(JsonOptions.alias));
  }
}
