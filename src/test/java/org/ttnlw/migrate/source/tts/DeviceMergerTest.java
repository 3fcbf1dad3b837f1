package org.ttnlw.migrate.source.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.SourceException;

class DeviceMergerTest {
  private static final DeviceRef REF = new DeviceRef("app", "dev");

  private static EndDevice.Builder device(int devEuiLastByte) {
    return EndDevice.newBuilder().setIds(EndDeviceIdentifiers.newBuilder()
        .setDeviceId("dev")
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId("app"))
        .setDevEui(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) devEuiLastByte}))
        .setDevAddr(ByteString.copyFrom(new byte[] {1, 2, 3, 4})));
  }

  private static FieldMask mask(String... paths) {
    return FieldMask.newBuilder().addAllPaths(List.of(paths)).build();
  }

  private static Timestamp at(long seconds) {
    return Timestamp.newBuilder().setSeconds(seconds).build();
  }

  private static KeyEnvelope key(int b) {
    return KeyEnvelope.newBuilder().setKey(ByteString.copyFrom(new byte[] {(byte) b})).build();
  }

  @Test
  void mergesOnlyMaskedFieldsAndJoinsSessionKeysOfNsAndAs() {
    EndDevice is = device(1).setName("name").setNetworkServerAddress("ns.example")
        .setCreatedAt(at(200)).setUpdatedAt(at(300)).build();
    EndDevice as = device(1).setSession(Session.newBuilder()
        .setKeys(SessionKeys.newBuilder().setAppSKey(key(1)))).setName("ignored").build();
    EndDevice ns = device(1).setSession(Session.newBuilder().setLastFCntUp(7)
            .setKeys(SessionKeys.newBuilder().setFNwkSIntKey(key(2))))
        .setCreatedAt(at(100)).setUpdatedAt(at(400)).build();

    EndDevice merged = DeviceMerger.merge(REF, List.of(
        new DevicePart(TtsServer.IDENTITY_SERVER, mask("ids", "name", "network_server_address",
            "created_at", "updated_at"), is),
        new DevicePart(TtsServer.APPLICATION_SERVER, mask("ids", "session"), as),
        new DevicePart(TtsServer.NETWORK_SERVER, mask("ids", "session", "created_at",
            "updated_at"), ns)));

    assertEquals("name", merged.getName());
    assertEquals(key(1), merged.getSession().getKeys().getAppSKey());
    assertEquals(key(2), merged.getSession().getKeys().getFNwkSIntKey());
    assertEquals(7, merged.getSession().getLastFCntUp());
    assertEquals(at(100), merged.getCreatedAt(), "earliest created_at");
    assertEquals(at(400), merged.getUpdatedAt(), "latest updated_at");
    assertTrue(merged.getNetworkServerAddress().isEmpty());
    assertTrue(merged.getIds().getDevAddr().isEmpty());
    assertFalse(merged.getIds().getDevEui().isEmpty());
  }

  @Test
  void serversDisagreeingOnDevEuiIsAnError() {
    SourceException e = assertThrows(SourceException.class, () -> DeviceMerger.merge(REF, List.of(
        new DevicePart(TtsServer.IDENTITY_SERVER, mask("ids"), device(1).build()),
        new DevicePart(TtsServer.NETWORK_SERVER, mask("ids"), device(2).build()))));
    assertEquals("device app/dev: servers disagree on dev_eui: IS has 0000000000000001, NS has"
        + " 0000000000000002", e.getMessage());
  }

  @Test
  void answerForAnotherDeviceIsAnError() {
    EndDevice other = device(1).setIds(device(1).getIds().toBuilder().setDeviceId("other")).build();
    SourceException e = assertThrows(SourceException.class, () -> DeviceMerger.merge(REF, List.of(
        new DevicePart(TtsServer.JOIN_SERVER, mask("ids"), other))));
    assertTrue(e.getMessage().contains("JS answered for another device (app/other)"),
        e.getMessage());
  }
}
