package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ttnlw.migrate.json.JsonAssertions.assertWrites;
import static org.ttnlw.migrate.json.JsonAssertions.read;

import com.google.protobuf.FloatValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.MACParameters;
import org.ttnlw.migrate.proto.Session;

class NumberJsonTest {
  @Test
  void writes64BitIntegersAsStrings() {
    assertWrites(
        "{'rx2_frequency': '869525000'}", MACParameters.newBuilder().setRx2Frequency(869_525_000L));
    assertWrites(
        "{'rx2_frequency': '18446744073709551615'}",
        MACParameters.newBuilder().setRx2Frequency(-1L));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'869525000'", "869525000", "869525000.0", "8.69525e8", "'8.69525E8'"})
  void reads64BitIntegersFromStringsAndNumbers(String value) {
    assertEquals(
        869_525_000L,
        read("{'rx2_frequency': " + value + "}", MACParameters.newBuilder()).getRx2Frequency());
  }

  @Test
  void readsTheWholeRangeOfUnsignedIntegers() {
    assertEquals(
        -1L,
        read("{'rx2_frequency': 18446744073709551615}", MACParameters.newBuilder())
            .getRx2Frequency());
    Session.Builder session = read("{'last_f_cnt_up': 4294967295}", Session.newBuilder());
    assertEquals(-1, session.getLastFCntUp());
    assertWrites("{'last_f_cnt_up': 4294967295}", session);
  }

  @Test
  void writesFloatingPointNumbersShortestAndWholeOnesWithoutFraction() {
    assertWrites("{'max_eirp': 16}", MACParameters.newBuilder().setMaxEirp(16f));
    assertWrites("{'max_eirp': 0.1}", MACParameters.newBuilder().setMaxEirp(0.1f));
    assertWrites(
        "{'latitude': 52.3731, 'longitude': -1.0E300}",
        Location.newBuilder().setLatitude(52.3731).setLongitude(-1e300));
  }

  @Test
  void writesNanAndInfinitiesAsStrings() {
    assertWrites("{'max_eirp': 'NaN'}", MACParameters.newBuilder().setMaxEirp(Float.NaN));
    assertWrites(
        "{'latitude': 'Infinity', 'longitude': '-Infinity'}",
        Location.newBuilder()
            .setLatitude(Double.POSITIVE_INFINITY)
            .setLongitude(Double.NEGATIVE_INFINITY));
    assertWrites(
        "{'battery_percentage': 'NaN'}",
        EndDevice.newBuilder().setBatteryPercentage(FloatValue.of(Float.NaN)));
  }

  @Test
  void readsFloatingPointNumbersFromNumbersAndStrings() {
    assertEquals(0.1f, read("{'max_eirp': 0.1}", MACParameters.newBuilder()).getMaxEirp());
    assertEquals(16f, read("{'max_eirp': '16'}", MACParameters.newBuilder()).getMaxEirp());
    assertEquals(
        Float.NEGATIVE_INFINITY,
        read("{'max_eirp': '-Infinity'}", MACParameters.newBuilder()).getMaxEirp());
    assertEquals(Double.NaN, read("{'latitude': 'NaN'}", Location.newBuilder()).getLatitude());
  }
}
