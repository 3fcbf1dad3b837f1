package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ttnlw.migrate.json.JsonAssertions.assertReadFails;
import static org.ttnlw.migrate.json.JsonAssertions.assertWrites;
import static org.ttnlw.migrate.json.JsonAssertions.read;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.FloatValue;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UInt32Value;
import com.google.protobuf.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.ErrorDetails;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.MACSettings;

class WellKnownTypesJsonTest {
  private static final long MAY_21_2021_11_38_08 = 1621597088L;

  @ParameterizedTest
  @CsvSource({
    "0, 2021-05-21T11:38:08Z",
    "78000000, 2021-05-21T11:38:08.078Z",
    "78114000, 2021-05-21T11:38:08.078114Z",
    "78114300, 2021-05-21T11:38:08.078114300Z",
    "1, 2021-05-21T11:38:08.000000001Z"
  })
  void writesTimestampsWith0369FractionalDigitsAndReadsThemBack(int nanos, String text) {
    EndDevice device =
        EndDevice.newBuilder()
            .setCreatedAt(Timestamp.newBuilder().setSeconds(MAY_21_2021_11_38_08).setNanos(nanos))
            .build();
    assertWrites("{'created_at': '" + text + "'}", device);
    assertEquals(device, read("{'created_at': '" + text + "'}", EndDevice.newBuilder()).build());
  }

  @Test
  void writesTheZeroTimeOfGoAsTtsDoes() {
    assertWrites(
        "{'created_at': '0001-01-01T00:00:00Z'}",
        EndDevice.newBuilder().setCreatedAt(Timestamp.newBuilder().setSeconds(-62135596800L)));
  }

  @Test
  void readsTimestampsWithAnOffset() {
    EndDevice.Builder device =
        read("{'created_at': '2021-05-21T13:38:08.5+02:00'}", EndDevice.newBuilder());
    assertWrites("{'created_at': '2021-05-21T11:38:08.500Z'}", device);
  }

  @Test
  void refusesToWriteTimestampsOutOfRange() {
    EndDevice tooLate =
        EndDevice.newBuilder()
            .setCreatedAt(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE))
            .build();
    TtsJsonException e =
        assertThrows(TtsJsonException.class, () -> TtsJson.instance().toJson(tooLate));
    assertEquals("created_at", e.path());
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0, 0s",
    "1, 500000000, 1.500s",
    "0, 1000, 0.000001s",
    "-90, -500000000, -90.500s",
    "3600, 1, 3600.000000001s"
  })
  void writesDurationsAsSecondsAndReadsThemBack(long seconds, int nanos, String text) {
    MACSettings settings =
        MACSettings.newBuilder()
            .setClassBTimeout(Duration.newBuilder().setSeconds(seconds).setNanos(nanos))
            .build();
    assertWrites("{'class_b_timeout': '" + text + "'}", settings);
    assertEquals(
        settings, read("{'class_b_timeout': '" + text + "'}", MACSettings.newBuilder()).build());
  }

  @Test
  void writesGoogleWrappersAsBareValuesEvenWhenZero() {
    assertWrites(
        "{'status_count_periodicity': 0, 'adr_margin': 2.5}",
        MACSettings.newBuilder()
            .setStatusCountPeriodicity(UInt32Value.of(0))
            .setAdrMargin(FloatValue.of(2.5f)));
    assertWrites(
        "{'skip_payload_crypto_override': false}",
        EndDevice.newBuilder().setSkipPayloadCryptoOverride(BoolValue.of(false)));
  }

  @Test
  void readsGoogleWrappersBareOrAsObjects() {
    assertEquals(
        MACSettings.newBuilder().setStatusCountPeriodicity(UInt32Value.of(0)).build(),
        read("{'status_count_periodicity': 0}", MACSettings.newBuilder()).build());
    assertEquals(
        7,
        read("{'status_count_periodicity': {'value': 7}}", MACSettings.newBuilder())
            .getStatusCountPeriodicity()
            .getValue());
  }

  @Test
  void writesAndReadsStructsAsPlainJson() {
    String json =
        "{'provisioning_data': {'serial': 'A1', 'n': 1.5, 'none': null,"
            + " 'list': [true, 'x', {}], 'nested': {'deep': []}}}";
    EndDevice device =
        EndDevice.newBuilder()
            .setProvisioningData(
                Struct.newBuilder()
                    .putFields("serial", Value.newBuilder().setStringValue("A1").build())
                    .putFields("n", Value.newBuilder().setNumberValue(1.5).build())
                    .putFields(
                        "none", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
                    .putFields(
                        "list",
                        Value.newBuilder()
                            .setListValue(
                                ListValue.newBuilder()
                                    .addValues(Value.newBuilder().setBoolValue(true))
                                    .addValues(Value.newBuilder().setStringValue("x"))
                                    .addValues(
                                        Value.newBuilder()
                                            .setStructValue(Struct.getDefaultInstance())))
                            .build())
                    .putFields(
                        "nested",
                        Value.newBuilder()
                            .setStructValue(
                                Struct.newBuilder()
                                    .putFields(
                                        "deep",
                                        Value.newBuilder()
                                            .setListValue(ListValue.getDefaultInstance())
                                            .build()))
                            .build()))
            .build();
    assertWrites(json, device);
    assertEquals(device, read(json, EndDevice.newBuilder()).build());
  }

  @Test
  void writesAnyWithItsTypeNextToTheFieldsOfTheMessage() {
    EndDeviceIdentifiers ids =
        EndDeviceIdentifiers.newBuilder()
            .setDeviceId("dev")
            .setDevEui(ByteString.fromHex("70b3d57ed8000019"))
            .build();
    ErrorDetails details = ErrorDetails.newBuilder().addDetails(Any.pack(ids)).build();
    String json =
        "{'details': [{'@type': 'type.googleapis.com/ttn.lorawan.v3.EndDeviceIdentifiers',"
            + " 'device_id': 'dev', 'dev_eui': '70B3D57ED8000019'}]}";
    assertWrites(json, details);
    assertEquals(details, read(json, ErrorDetails.newBuilder()).build());
    assertEquals(
        details,
        read(
                "{'details': [{'dev_eui': '70B3D57ED8000019', 'device_id': 'dev',"
                    + " '@type': 'type.googleapis.com/ttn.lorawan.v3.EndDeviceIdentifiers'}]}",
                ErrorDetails.newBuilder())
            .build());
  }

  @Test
  void writesAnyOfAWellKnownTypeWithItsValue() {
    ErrorDetails details =
        ErrorDetails.newBuilder()
            .addDetails(Any.pack(Timestamp.newBuilder().setSeconds(MAY_21_2021_11_38_08).build()))
            .addDetails(Any.getDefaultInstance())
            .build();
    String json =
        "{'details': [{'@type': 'type.googleapis.com/google.protobuf.Timestamp',"
            + " 'value': '2021-05-21T11:38:08Z'}, {}]}";
    assertWrites(json, details);
    assertEquals(details, read(json, ErrorDetails.newBuilder()).build());
  }

  @Test
  void rejectsAnyOfUnknownTypes() {
    String unknownType = "type.googleapis.com/example.Unknown";
    ErrorDetails details =
        ErrorDetails.newBuilder()
            .addDetails(
                Any.newBuilder().setTypeUrl(unknownType).setValue(ByteString.copyFromUtf8("x")))
            .build();
    TtsJsonException e =
        assertThrows(TtsJsonException.class, () -> TtsJson.instance().toJson(details));
    assertEquals(
        "details[0]: an Any holds \""
            + unknownType
            + "\", which is not a TTS or google.protobuf type this tool knows",
        e.getMessage());
    assertReadFails(
        "details[0]: an Any holds '"
            + unknownType
            + "', which is not a TTS or google.protobuf type this tool knows",
        "{'details': [{'@type': '" + unknownType + "'}]}",
        ErrorDetails.newBuilder());
    assertReadFails(
        "details[0]: an Any needs a string '@type'",
        "{'details': [{'device_id': 'dev'}]}",
        ErrorDetails.newBuilder());
  }

  @Test
  void rejectsInvalidContentOfAnyNamingItsPath() {
    assertReadFails(
        "details[0].value: expected an RFC 3339 timestamp, got 'soon'",
        "{'details': [{'@type': 'type.googleapis.com/google.protobuf.Timestamp', 'value':"
            + " 'soon'}]}",
        ErrorDetails.newBuilder());
    assertReadFails(
        "details[0].dev_eui: expected 8 bytes of hex, got '12'",
        "{'details': [{'@type': 'type.googleapis.com/ttn.lorawan.v3.EndDeviceIdentifiers',"
            + " 'dev_eui': '12'}]}",
        ErrorDetails.newBuilder());
  }

  @Test
  void writesFieldMasksAsObjectsWithPaths() {
    GetEndDeviceRequest request =
        GetEndDeviceRequest.newBuilder()
            .setFieldMask(FieldMask.newBuilder().addPaths("ids.dev_eui").addPaths("mac_settings"))
            .build();
    String json = "{'field_mask': {'paths': ['ids.dev_eui', 'mac_settings']}}";
    assertWrites(json, request);
    assertEquals(request, read(json, GetEndDeviceRequest.newBuilder()).build());
  }
}
