package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ADRSettings;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettings;

class MessagePathsTest {
  private static List<String> names(List<FieldDescriptor> fields) {
    return fields.stream().map(FieldDescriptor::getName).toList();
  }

  @Test
  void everyPathOfTheFieldMaskTableResolves() {
    for (String rpc : List.of("ttn.lorawan.v3.NsEndDeviceRegistry/Set",
        "ttn.lorawan.v3.NsEndDeviceRegistry/Get", "ttn.lorawan.v3.AsEndDeviceRegistry/Set",
        "ttn.lorawan.v3.JsEndDeviceRegistry/Set", "ttn.lorawan.v3.EndDeviceRegistry/Update")) {
      for (String path : FieldMaskTable.bundled().allowed(rpc)) {
        assertFalse(MessagePaths.resolve(EndDevice.getDescriptor(), path).isEmpty(), path);
      }
    }
  }

  @Test
  void aOneofNameInsideAPathIsSkippedAndAtTheEndStandsForItsMembers() {
    assertEquals(List.of(List.of("mac_settings", "adr", "disabled")),
        MessagePaths.resolve(EndDevice.getDescriptor(), "mac_settings.adr.mode.disabled").stream()
            .map(MessagePathsTest::names).toList());
    List<List<FieldDescriptor>> members =
        MessagePaths.resolve(EndDevice.getDescriptor(), "mac_settings.adr.mode");
    assertTrue(members.size() >= 3, members.toString());
    assertThrows(IllegalArgumentException.class,
        () -> MessagePaths.resolve(EndDevice.getDescriptor(), "mac_settings.no_such_field"));
  }

  @Test
  void copyReplacesAndClearsWithoutCreatingParents() {
    List<FieldDescriptor> disabled =
        MessagePaths.resolve(EndDevice.getDescriptor(), "mac_settings.adr.mode.disabled").get(0);
    EndDevice source = EndDevice.newBuilder().setMacSettings(MACSettings.newBuilder()
        .setAdr(ADRSettings.newBuilder().setDisabled(ADRSettings.DisabledMode.getDefaultInstance())))
        .build();
    EndDevice.Builder target = EndDevice.newBuilder();
    assertTrue(MessagePaths.holds(source, disabled));
    MessagePaths.copy(source, target, disabled);
    assertTrue(target.getMacSettings().getAdr().hasDisabled());

    EndDevice.Builder empty = EndDevice.newBuilder();
    MessagePaths.clear(empty, disabled);
    assertFalse(empty.hasMacSettings(), "clearing creates nothing");
    MessagePaths.clear(target, disabled);
    assertFalse(target.getMacSettings().getAdr().hasDisabled());
  }
}
