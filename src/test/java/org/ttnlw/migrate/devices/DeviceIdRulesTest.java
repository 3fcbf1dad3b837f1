package org.ttnlw.migrate.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;

class DeviceIdRulesTest {
  private static EndDevice device(String id, String devEui) {
    EndDeviceIdentifiers.Builder ids = EndDeviceIdentifiers.newBuilder()
        .setDeviceId(id)
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId("app"));
    if (devEui != null) {
      ids.setDevEui(ByteString.copyFrom(HexFormat.of().parseHex(devEui)));
    }
    return EndDevice.newBuilder().setIds(ids).build();
  }

  @Test
  void validIdWithoutPrefixIsLeftAlone() {
    EndDevice in = device("sensor-1", null);
    assertSame(in, new DeviceIdRules("").apply(in));
  }

  @Test
  void emptyIdBecomesLowerCaseDevEui() {
    EndDevice out = new DeviceIdRules("").apply(device("", "70B3D57ED8000019"));
    assertEquals("70b3d57ed8000019", out.getIds().getDeviceId());
    assertTrue(out.getAttributesMap().isEmpty(), "there was no old ID to keep");
  }

  @Test
  void prefixAndUnderscoresChangeTheIdAndKeepTheOldOne() {
    EndDevice out = new DeviceIdRules("cloud").apply(device("my_sensor", null));
    assertEquals("cloud-my-sensor", out.getIds().getDeviceId());
    assertEquals("my_sensor", out.getAttributesOrThrow("old-id"));
  }

  @Test
  void idOverThirtySixCharactersIsRejectedNamingTheDevice() {
    ItemRejectedException e = assertThrows(ItemRejectedException.class,
        () -> new DeviceIdRules("a-long-prefix").apply(device("a-device-id-of-thirty-chars", null)));
    assertTrue(e.getMessage().contains("app/a-device-id-of-thirty-chars"), e.getMessage());
    assertTrue(e.getMessage().contains("at most 36"), e.getMessage());
  }

  @Test
  void thirtySixCharactersAreAllowed() {
    String id = "a".repeat(36);
    assertEquals(id, new DeviceIdRules("").apply(device(id, null)).getIds().getDeviceId());
  }

  @Test
  void deviceWithoutIdOrDevEuiIsRejected() {
    assertThrows(ItemRejectedException.class, () -> new DeviceIdRules("").apply(device("", null)));
  }
}
