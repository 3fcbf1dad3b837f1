package org.ttnlw.migrate.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACState;
import org.ttnlw.migrate.proto.RootKeys;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;

class NoSessionTest {
  private static final Timestamp T = Timestamp.newBuilder().setSeconds(1_600_000_000).build();
  private static final SessionKeys KEYS = SessionKeys.newBuilder()
      .setSessionKeyId(ByteString.copyFromUtf8("id"))
      .setFNwkSIntKey(KeyEnvelope.newBuilder().setKey(ByteString.copyFrom(new byte[16])))
      .setAppSKey(KeyEnvelope.newBuilder().setKey(ByteString.copyFrom(new byte[16])))
      .build();
  private static final Session SESSION = Session.newBuilder()
      .setDevAddr(ByteString.copyFrom(new byte[] {0x26, 0x01, 0x2f, (byte) 0x9d}))
      .setKeys(KEYS)
      .setLastFCntUp(64)
      .setLastNFCntDown(3)
      .setLastAFCntDown(2)
      .setStartedAt(T)
      .build();

  private static EndDevice.Builder withSession(boolean otaa) {
    return EndDevice.newBuilder()
        .setSupportsJoin(otaa)
        .setName("kept")
        .setRootKeys(RootKeys.newBuilder().setRootKeyId("r"))
        .setMacSettings(MACSettings.newBuilder().setClassBTimeout(
            com.google.protobuf.Duration.newBuilder().setSeconds(5)))
        .setSession(SESSION)
        .setPendingSession(SESSION)
        .setMacState(MACState.newBuilder().setLastDevStatusFCntUp(1))
        .setPendingMacState(MACState.newBuilder().setLastDevStatusFCntUp(1))
        .setActivatedAt(T)
        .setLastSeenAt(T)
        .setLastDevStatusReceivedAt(T);
  }

  @Test
  void otaaDeviceLosesEverythingOfItsSession() {
    EndDevice out = new NoSession().apply(withSession(true).build());

    assertFalse(out.hasSession());
    assertFalse(out.hasPendingSession());
    assertFalse(out.hasMacState());
    assertFalse(out.hasPendingMacState());
    assertFalse(out.hasActivatedAt());
    assertFalse(out.hasLastSeenAt());
    assertFalse(out.hasLastDevStatusReceivedAt());
    assertFalse(out.getMacSettings().hasResetsFCnt());
    assertEquals("kept", out.getName());
    assertTrue(out.hasRootKeys());
  }

  @Test
  void abpDeviceKeepsDevAddrAndKeysAndResetsFrameCounters() {
    EndDevice out = new NoSession().apply(withSession(false).build());

    assertEquals(Session.newBuilder().setDevAddr(SESSION.getDevAddr()).setKeys(KEYS).build(),
        out.getSession());
    assertFalse(out.hasPendingSession());
    assertFalse(out.hasMacState());
    assertFalse(out.hasPendingMacState());
    assertFalse(out.hasActivatedAt());
    assertTrue(out.getMacSettings().getResetsFCnt().getValue());
    assertTrue(out.getMacSettings().hasClassBTimeout(), "other MAC settings are kept");
  }
}
