package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ttnlw.migrate.json.JsonAssertions.json;
import static org.ttnlw.migrate.json.JsonAssertions.read;

import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.MACState;
import org.ttnlw.migrate.proto.Picture;

class MapJsonTest {
  private static final MACState.DataRateRanges RANGES =
      MACState.DataRateRanges.newBuilder()
          .addRanges(
              MACState.DataRateRange.newBuilder().setMaxDataRateIndex(DataRateIndex.DATA_RATE_5))
          .build();

  @Test
  void writesIntegerKeysAsDecimalStringsInNumericOrder() {
    MACState state =
        MACState.newBuilder()
            .putRejectedDataRateRanges(868_500_000L, RANGES)
            .putRejectedDataRateRanges(-1L, MACState.DataRateRanges.getDefaultInstance())
            .putRejectedDataRateRanges(868_100_000L, RANGES)
            .build();
    String expected =
        json(
            "{'rejected_data_rate_ranges':{"
                + "'868100000':{'ranges':[{'max_data_rate_index':5}]},"
                + "'868500000':{'ranges':[{'max_data_rate_index':5}]},"
                + "'18446744073709551615':{}}}");
    assertEquals(expected, TtsJson.instance().toJson(state));
    assertEquals(state, read(expected, MACState.newBuilder()).build());
  }

  @Test
  void writesStringKeysInOrder() {
    EndDevice device =
        EndDevice.newBuilder()
            .putAttributes("b", "2")
            .putAttributes("a", "1")
            .putAttributes("", "empty")
            .putLocations("user", Location.newBuilder().setAltitude(3).build())
            .build();
    String expected =
        json("{'attributes':{'':'empty','a':'1','b':'2'},'locations':{'user':{'altitude':3}}}");
    assertEquals(expected, TtsJson.instance().toJson(device));
    assertEquals(device, read(expected, EndDevice.newBuilder()).build());
  }

  @Test
  void readsUnsigned32BitKeys() {
    assertEquals(
        Picture.newBuilder().putSizes(-1, "max").putSizes(64, "small").build(),
        read("{'sizes': {'4294967295': 'max', '64': 'small'}}", Picture.newBuilder()).build());
  }
}
