package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.json.PopulatedMessages;
import org.ttnlw.migrate.proto.ApplicationDownlink;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.KeyEnvelope;
import org.ttnlw.migrate.proto.Session;
import org.ttnlw.migrate.proto.SessionKeys;

class DeviceMergerTest {
  private static final DeviceRef REF = new DeviceRef("app", "dev");
  private static final MergePlan PLAN =
      MergePlan.of(FieldMaskTable.bundled(), DeviceRegistries.getMasks(false));

  private static EndDevice.Builder device(int devEuiLastByte) {
    return EndDevice.newBuilder().setIds(EndDeviceIdentifiers.newBuilder()
        .setDeviceId("dev")
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId("app"))
        .setDevEui(ByteString.copyFrom(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) devEuiLastByte}))
        .setDevAddr(ByteString.copyFrom(new byte[] {1, 2, 3, 4})));
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

    EndDevice merged = DeviceMerger.merge(REF, PLAN, List.of(
        new DevicePart(TtsServer.IDENTITY_SERVER, is),
        new DevicePart(TtsServer.APPLICATION_SERVER, as),
        new DevicePart(TtsServer.NETWORK_SERVER, ns)));

    assertEquals("name", merged.getName());
    assertEquals(key(1), merged.getSession().getKeys().getAppSKey());
    assertEquals(key(2), merged.getSession().getKeys().getFNwkSIntKey());
    assertEquals(7, merged.getSession().getLastFCntUp());
    assertEquals(at(100), merged.getCreatedAt(), "earliest created_at");
    assertEquals(at(400), merged.getUpdatedAt(), "latest updated_at");
    assertFalse(merged.getIds().getDevEui().isEmpty());
  }

  @Test
  void serversDisagreeingOnDevEuiIsAnError() {
    MigrationException e = assertThrows(MigrationException.class, () -> DeviceMerger.merge(REF, PLAN, List.of(
        new DevicePart(TtsServer.IDENTITY_SERVER, device(1).build()),
        new DevicePart(TtsServer.NETWORK_SERVER, device(2).build()))));
    assertEquals("device app/dev: servers disagree on dev_eui: IS has 0000000000000001, NS has"
        + " 0000000000000002", e.getMessage());
  }

  @Test
  void answerForAnotherDeviceIsAnError() {
    EndDevice other = device(1).setIds(device(1).getIds().toBuilder().setDeviceId("other")).build();
    MigrationException e = assertThrows(MigrationException.class, () -> DeviceMerger.merge(REF, PLAN, List.of(
        new DevicePart(TtsServer.JOIN_SERVER, other))));
    assertTrue(e.getMessage().contains("JS answered for another device (app/other)"),
        e.getMessage());
  }

  private static Session.Builder queue(int downlinks, int firstFCnt) {
    Session.Builder session = Session.newBuilder();
    for (int i = 0; i < downlinks; i++) {
      session.addQueuedApplicationDownlinks(ApplicationDownlink.newBuilder()
          .setFPort(1).setFCnt(firstFCnt + i));
    }
    return session;
  }

  @Test
  void listsInsideSessionsComeFromOneServerNeverConcatenated() {
    EndDevice ns = device(1)
        .setSession(queue(2, 10).setLastFCntUp(7).setDevAddr(ByteString.copyFrom(new byte[4]))
            .setKeys(SessionKeys.newBuilder().setFNwkSIntKey(key(2))))
        .setPendingSession(queue(1, 20))
        .build();
    EndDevice as = device(1)
        .setSession(queue(3, 30).setLastAFCntDown(5)
            .setKeys(SessionKeys.newBuilder().setAppSKey(key(1))))
        .setPendingSession(queue(4, 40).setKeys(SessionKeys.newBuilder().setAppSKey(key(3))))
        .build();

    EndDevice merged = DeviceMerger.merge(REF, PLAN, List.of(
        new DevicePart(TtsServer.APPLICATION_SERVER, as),
        new DevicePart(TtsServer.NETWORK_SERVER, ns)));

    assertEquals(ns.getSession().getQueuedApplicationDownlinksList(),
        merged.getSession().getQueuedApplicationDownlinksList(), "the NS's queue, once");
    assertEquals(ns.getPendingSession().getQueuedApplicationDownlinksList(),
        merged.getPendingSession().getQueuedApplicationDownlinksList());
    assertEquals(7, merged.getSession().getLastFCntUp(), "NS field");
    assertEquals(key(2), merged.getSession().getKeys().getFNwkSIntKey(), "NS key");
    assertEquals(5, merged.getSession().getLastAFCntDown(), "AS field inside the NS's session");
    assertEquals(key(1), merged.getSession().getKeys().getAppSKey(), "AS key");
    assertEquals(key(3), merged.getPendingSession().getKeys().getAppSKey());
  }

  @Test
  void aSessionOnlyTheAsHoldsComesWholeFromTheAs() {
    EndDevice as = device(1).setSession(queue(3, 30).setLastAFCntDown(5)
        .setKeys(SessionKeys.newBuilder().setAppSKey(key(1)))).build();

    EndDevice merged = DeviceMerger.merge(REF, PLAN, List.of(
        new DevicePart(TtsServer.APPLICATION_SERVER, as),
        new DevicePart(TtsServer.NETWORK_SERVER, device(1).build())));

    assertEquals(as.getSession().getQueuedApplicationDownlinksList(),
        merged.getSession().getQueuedApplicationDownlinksList());
    assertEquals(key(1), merged.getSession().getKeys().getAppSKey());
  }

  @Test
  void noRepeatedFieldOfAMergedDeviceIsLongerThanInAnyAnswer() {
    EndDevice.Builder full = ((EndDevice) PopulatedMessages.populated(EndDevice.getDefaultInstance(), 0)).toBuilder();
    full.setIds(device(1).getIds());
    List<DevicePart> parts = new java.util.ArrayList<>();
    for (TtsServer server : TtsServer.values()) {
      EndDevice.Builder answer = EndDevice.newBuilder();
      com.google.protobuf.util.FieldMaskUtil.merge(DeviceRegistries.getMasks(true).get(server),
          full.build(), answer);
      parts.add(new DevicePart(server, answer.build()));
    }
    EndDevice merged = DeviceMerger.merge(REF, PLAN, parts);
    assertEquals(List.of(), longerLists("", merged, parts.stream().map(DevicePart::device).toList()));
  }

  /** Paths of repeated fields in {@code merged} with more entries than the same list in every answer. */
  private static List<String> longerLists(String prefix, com.google.protobuf.Message merged,
      List<? extends com.google.protobuf.Message> answers) {
    List<String> longer = new java.util.ArrayList<>();
    for (var entry : merged.getAllFields().entrySet()) {
      var field = entry.getKey();
      String path = prefix + field.getName();
      if (field.isRepeated()) {
        int count = merged.getRepeatedFieldCount(field);
        if (answers.stream().noneMatch(a -> a.getRepeatedFieldCount(field) >= count)) {
          longer.add(path);
        }
      } else if (entry.getValue() instanceof com.google.protobuf.Message nested) {
        longer.addAll(longerLists(path + ".", nested, answers.stream()
            .filter(a -> a.hasField(field))
            .map(a -> (com.google.protobuf.Message) a.getField(field)).toList()));
      }
    }
    return longer;
  }
}
