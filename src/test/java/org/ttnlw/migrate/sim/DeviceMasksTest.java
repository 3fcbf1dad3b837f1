package org.ttnlw.migrate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.FieldMaskUtil;
import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.tts.FieldMaskTable;

class DeviceMasksTest {
  private static final EndDevice DEVICE = SampleDevices.otaaWithSession("app", "device", 3);

  @Test
  void everyPathTheRegistriesAllowNamesEndDeviceFields() {
    List<MethodDescriptor<?, ?>> methods = new ArrayList<>();
    for (Registry registry : Registry.values()) {
      methods.add(registry.server().getMethod());
      methods.add(registry.write().method());
      registry.list().ifPresent(methods::add);
    }
    for (MethodDescriptor<?, ?> method : methods) {
      Set<String> allowed = FieldMaskTable.bundled().allowed(method.getFullMethodName());
      assertFalse(allowed.isEmpty(), method.getFullMethodName());
      assertTrue(
          FieldMaskUtil.isValid(EndDevice.class, DeviceMasks.toFieldMask(allowed)),
          method.getFullMethodName());
    }
  }

  @Test
  void oneofGroupNamesStandForTheirMembers() {
    assertEquals(
        List.of("mac_settings.adr.static", "mac_settings.adr.dynamic", "mac_settings.adr.disabled"),
        DeviceMasks.toFieldMask(List.of("mac_settings.adr.mode")).getPathsList());
    assertEquals(
        List.of("mac_settings.desired_relay.served.end_device_controlled"),
        DeviceMasks.toFieldMask(
                List.of("mac_settings.desired_relay.mode.served.mode.end_device_controlled"))
            .getPathsList());
    assertThrows(
        IllegalArgumentException.class,
        () -> DeviceMasks.toFieldMask(List.of("mac_settings.no_such_field")));
  }

  @Test
  void selectKeepsTheMaskedFieldsAndTheImplicitOnes() {
    EndDevice selected = DeviceMasks.select(DEVICE, List.of("root_keys.app_key"));

    assertEquals(
        EndDevice.newBuilder()
            .setIds(DEVICE.getIds())
            .setCreatedAt(DEVICE.getCreatedAt())
            .setUpdatedAt(DEVICE.getUpdatedAt())
            .setRootKeys(DEVICE.getRootKeys())
            .build(),
        selected);
  }

  @Test
  void applyReplacesMaskedFieldsAndClearsThoseTheChangesLack() {
    EndDevice changes = EndDevice.newBuilder().setDescription("new").build();

    EndDevice updated = DeviceMasks.apply(DEVICE, changes, List.of("name", "description"));

    assertEquals("", updated.getName());
    assertEquals("new", updated.getDescription());
    assertEquals(DEVICE.getSession(), updated.getSession());
  }
}
