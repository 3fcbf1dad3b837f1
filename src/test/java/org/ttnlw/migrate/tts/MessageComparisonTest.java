package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ADRSettings;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.proto.DataRateIndex;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAntenna;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACState;
import org.ttnlw.migrate.proto.RootKeys;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;

class MessageComparisonTest {
  private static final String KEY_HEX = "0123456789ABCDEF0123456789ABCDEF";

  private static EndDevice attributes(String... pairs) {
    EndDevice.Builder device = EndDevice.newBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      device.putAttributes(pairs[i], pairs[i + 1]);
    }
    return device.build();
  }

  private static List<Difference> differences(com.google.protobuf.Message wanted,
      com.google.protobuf.Message actual, String... paths) {
    return MessageComparison.differences(wanted, actual, List.of(paths));
  }

  @Test
  void aMapIsASetOfKeysAndValuesWhateverTheOrderOfItsEntries() {
    EndDevice one = attributes("a", "1", "b", "2", "c", "3");
    EndDevice other = attributes("c", "3", "a", "1", "b", "2");
    assertNotEquals(one.getField(EndDevice.getDescriptor().findFieldByName("attributes")),
        other.getField(EndDevice.getDescriptor().findFieldByName("attributes")),
        "protobuf-java gives a map's entries as a list in their order");

    assertEquals(List.of(), differences(one, other, "attributes"));
    assertTrue(MessageComparison.equal(one, other));
    assertEquals(List.of("attributes"),
        Difference.paths(differences(one, attributes("a", "1", "b", "2"), "attributes")));
    assertEquals(List.of("attributes"),
        Difference.paths(differences(one, attributes("a", "1", "b", "2", "c", "4"),
            "attributes")));
  }

  @Test
  void mapsInsideMapValuesAndNestedMessagesCompareAsSetsToo() {
    Struct inner = Struct.newBuilder().putFields("x", number(1)).putFields("y", number(2)).build();
    Struct innerReordered =
        Struct.newBuilder().putFields("y", number(2)).putFields("x", number(1)).build();
    EndDevice one = EndDevice.newBuilder().setProvisioningData(Struct.newBuilder()
        .putFields("serial", text("S1")).putFields("nested", struct(inner))).build();
    EndDevice other = EndDevice.newBuilder().setProvisioningData(Struct.newBuilder()
        .putFields("nested", struct(innerReordered)).putFields("serial", text("S1"))).build();
    EndDevice changed = EndDevice.newBuilder().setProvisioningData(Struct.newBuilder()
        .putFields("serial", text("S1")).putFields("nested", struct(inner.toBuilder()
            .putFields("y", number(3)).build()))).build();

    assertEquals(List.of(), differences(one, other, "provisioning_data"));
    assertEquals(List.of("provisioning_data"),
        Difference.paths(differences(one, changed, "provisioning_data")));
  }

  @Test
  void mapValuesThatAreMessagesWithListsCompareByKey() {
    MACState.DataRateRanges low = ranges(DataRateIndex.DATA_RATE_0, DataRateIndex.DATA_RATE_1);
    MACState.DataRateRanges high = ranges(DataRateIndex.DATA_RATE_4, DataRateIndex.DATA_RATE_5);
    EndDevice one = EndDevice.newBuilder().setMacState(MACState.newBuilder()
        .putRejectedDataRateRanges(868_100_000, low).putRejectedDataRateRanges(868_300_000, high))
        .build();
    EndDevice other = EndDevice.newBuilder().setMacState(MACState.newBuilder()
        .putRejectedDataRateRanges(868_300_000, high).putRejectedDataRateRanges(868_100_000, low))
        .build();
    EndDevice swapped = EndDevice.newBuilder().setMacState(MACState.newBuilder()
        .putRejectedDataRateRanges(868_100_000, high).putRejectedDataRateRanges(868_300_000, low))
        .build();

    assertEquals(List.of(), differences(one, other, "mac_state.rejected_data_rate_ranges"));
    assertEquals(1, differences(one, swapped, "mac_state.rejected_data_rate_ranges").size());
  }

  @Test
  void aRepeatedFieldIsAListInTheServersOrderWithItsItemsMapsAsSets() {
    GatewayAntenna first = GatewayAntenna.newBuilder().setGain(3)
        .putAttributes("mast", "north").putAttributes("cable", "5m").build();
    GatewayAntenna firstReordered = GatewayAntenna.newBuilder().setGain(3)
        .putAttributes("cable", "5m").putAttributes("mast", "north").build();
    GatewayAntenna second = GatewayAntenna.newBuilder().setGain(6).build();
    Gateway one = Gateway.newBuilder().addAntennas(first).addAntennas(second).build();

    assertEquals(List.of(), differences(one,
        Gateway.newBuilder().addAntennas(firstReordered).addAntennas(second).build(), "antennas"));
    assertEquals(List.of("antennas"), Difference.paths(differences(one,
        Gateway.newBuilder().addAntennas(second).addAntennas(first).build(), "antennas")));
  }

  @Test
  void fieldsUnknownToThisBuildAreNotCompared() {
    EndDevice one = attributes("a", "1").toBuilder().setName("n").build();
    EndDevice withUnknown = one.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(9999, UnknownFieldSet.Field.newBuilder().addVarint(7).build()).build()).build();
    assertNotEquals(one, withUnknown, "protobuf-java compares unknown fields");

    assertTrue(MessageComparison.equal(one, withUnknown));
    assertEquals(List.of(), differences(one, withUnknown, "name", "attributes"));
  }

  @Test
  void aOneofPathDiffersWhenTheOtherSideHoldsAnotherMember() {
    EndDevice dynamic = EndDevice.newBuilder().setMacSettings(MACSettings.newBuilder()
        .setAdr(ADRSettings.newBuilder().setDynamic(ADRSettings.DynamicMode.getDefaultInstance())))
        .build();
    EndDevice disabled = EndDevice.newBuilder().setMacSettings(MACSettings.newBuilder()
        .setAdr(ADRSettings.newBuilder()
            .setDisabled(ADRSettings.DisabledMode.getDefaultInstance())))
        .build();

    assertEquals(List.of("mac_settings.adr.mode"),
        Difference.paths(differences(dynamic, disabled, "mac_settings.adr.mode")));
    assertEquals(List.of(), differences(dynamic, dynamic.toBuilder().build(),
        "mac_settings.adr.mode"));
  }

  @Test
  void aDifferenceShowsBothValuesAndOfAMapOnlyTheEntriesThatDiffer() {
    EndDevice wanted = attributes("same", "x", "room", "hall", "gone", "1").toBuilder()
        .setName("Sensor \"A\"").build();
    EndDevice actual = attributes("room", "kitchen", "same", "x", "extra", "2");

    assertEquals("name (export \"Sensor \\\"A\\\"\", target unset); attributes (export"
            + " {\"gone\":\"1\",\"room\":\"hall\"}, target {\"extra\":\"2\",\"room\":\"kitchen\"})",
        Difference.describe(differences(wanted, actual, "name", "attributes", "description")));
  }

  @Test
  void aLongValueIsShortened() {
    EndDevice wanted = EndDevice.newBuilder().setDescription("d".repeat(500)).build();

    Difference difference = differences(wanted, EndDevice.getDefaultInstance(), "description")
        .get(0);

    assertEquals(Difference.SHOWN, difference.wanted().length());
    assertTrue(difference.wanted().endsWith("..."), difference.wanted());
  }

  @Test
  void secretsAreNamedButNeverShown() {
    EndDevice wanted = EndDevice.newBuilder()
        .setRootKeys(RootKeys.newBuilder().setAppKey(key(KEY_HEX)))
        .setSession(Session.newBuilder().setKeys(SessionKeys.newBuilder().setAppSKey(key(KEY_HEX))))
        .build();
    EndDevice actual = EndDevice.newBuilder()
        .setRootKeys(RootKeys.newBuilder().setAppKey(key(KEY_HEX.replace('0', 'F'))))
        .build();
    ApplicationWebhook hook = ApplicationWebhook.newBuilder()
        .putHeaders("Authorization", "Bearer secret-token").build();

    List<Difference> differences = differences(wanted, actual, "root_keys.app_key.key",
        "session", "session.keys.app_s_key");
    String shown = Difference.describe(differences)
        + Difference.describe(differences(hook, ApplicationWebhook.getDefaultInstance(),
            "headers"));

    assertEquals(List.of("root_keys.app_key.key", "session", "session.keys.app_s_key"),
        Difference.paths(differences));
    assertTrue(shown.startsWith("root_keys.app_key.key (a secret: export and target differ,"
        + " neither is shown)"), shown);
    assertTrue(shown.contains("headers (a secret"), shown);
    assertFalse(shown.contains("0123") || shown.contains("F123") || shown.contains("ASNF")
        || shown.contains("secret-token"), shown);
  }

  @Test
  void aMapEntrysKeyFieldDoesNotMakeAMapSecret() {
    assertFalse(SecretFields.holdsSecret(MessagePaths.resolve(EndDevice.getDescriptor(),
        "attributes").get(0)));
    assertTrue(SecretFields.holdsSecret(MessagePaths.resolve(EndDevice.getDescriptor(),
        "root_keys").get(0)));
    assertTrue(SecretFields.holdsSecret(MessagePaths.resolve(Gateway.getDescriptor(),
        "lbs_lns_secret").get(0)));
  }

  private static KeyEnvelope key(String hex) {
    return KeyEnvelope.newBuilder().setKey(ByteString.fromHex(hex)).build();
  }

  private static MACState.DataRateRanges ranges(DataRateIndex min, DataRateIndex max) {
    return MACState.DataRateRanges.newBuilder().addRanges(MACState.DataRateRange.newBuilder()
        .setMinDataRateIndex(min).setMaxDataRateIndex(max)).build();
  }

  private static Value number(double value) {
    return Value.newBuilder().setNumberValue(value).build();
  }

  private static Value text(String value) {
    return Value.newBuilder().setStringValue(value).build();
  }

  private static Value struct(Struct value) {
    return Value.newBuilder().setStructValue(value).build();
  }
}
