package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ttnlw.migrate.json.JsonAssertions.assertReadFails;
import static org.ttnlw.migrate.json.JsonAssertions.assertWrites;
import static org.ttnlw.migrate.json.JsonAssertions.read;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.SessionKeys;

class BytesJsonTest {
  private static final ByteString DEV_EUI = ByteString.fromHex("70b3d57ed8000019");

  @Test
  void writesHexFieldsInUpperCase() {
    assertWrites(
        "{'ids': {'dev_eui': '70B3D57ED8000019'}}",
        EndDevice.newBuilder().setIds(EndDeviceIdentifiers.newBuilder().setDevEui(DEV_EUI)));
  }

  @Test
  void readsHexInEitherCase() {
    assertEquals(
        DEV_EUI,
        read("{'dev_eui': '70b3d57ED8000019'}", EndDeviceIdentifiers.newBuilder()).getDevEui());
  }

  @Test
  void rejectsHexOfTheWrongLength() {
    assertReadFails(
        "ids.dev_eui: expected 8 bytes of hex, got '12'",
        "{'ids': {'dev_eui': '12'}}",
        EndDevice.newBuilder());
  }

  @Test
  void refusesToWriteHexOfTheWrongLength() {
    EndDevice device =
        EndDevice.newBuilder()
            .setIds(EndDeviceIdentifiers.newBuilder().setDevEui(ByteString.fromHex("0102")))
            .build();
    TtsJsonException e =
        assertThrows(TtsJsonException.class, () -> TtsJson.instance().toJson(device));
    assertEquals("ids.dev_eui: has 2 bytes, TTS takes exactly 8", e.getMessage());
    assertEquals("ids.dev_eui", e.path());
  }

  @Test
  void writesOtherBytesAsPaddedStandardBase64() {
    assertWrites(
        "{'session_key_id': '+/8='}",
        SessionKeys.newBuilder().setSessionKeyId(ByteString.fromHex("fbff")));
  }

  @Test
  void readsUrlSafeAndUnpaddedBase64() {
    ByteString expected = ByteString.fromHex("fbff");
    for (String base64 : new String[] {"+/8=", "+/8", "-_8=", "-_8"}) {
      assertEquals(
          expected,
          read("{'session_key_id': '" + base64 + "'}", SessionKeys.newBuilder()).getSessionKeyId(),
          base64);
    }
  }
}
