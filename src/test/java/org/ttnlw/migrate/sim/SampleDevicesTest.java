package org.ttnlw.migrate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.tts.TtsServer;

class SampleDevicesTest {

  @Test
  void theSameArgumentsGiveTheSameDevices() {
    assertEquals(SampleDevices.application("app", 30), SampleDevices.application("app", 30));
  }

  @Test
  void devEuisDevAddrsAndKeysDifferPerIndex() {
    List<EndDevice> devices = SampleDevices.application("app", 500);

    assertEquals(500, distinct(devices, device -> device.getIds().getDevEui()));
    List<EndDevice> withSession = devices.stream().filter(EndDevice::hasSession).toList();
    assertEquals(
        withSession.size(), distinct(withSession, device -> device.getSession().getDevAddr()));
    assertEquals(
        withSession.size(),
        distinct(withSession, device -> device.getSession().getKeys().getAppSKey()));
  }

  @Test
  void anApplicationMixesTheThreeKinds() {
    List<EndDevice> devices = SampleDevices.application("app", 10);

    assertEquals("device-00001", devices.get(0).getIds().getDeviceId());
    assertEquals(2, devices.stream().filter(device -> !device.getSupportsJoin()).count());
    assertEquals(
        2,
        devices.stream()
            .filter(device -> device.getSupportsJoin() && !device.hasSession())
            .count());
    assertEquals(6, devices.stream().filter(device -> device.hasMacState()).count());
  }

  @Test
  void otaaWithSessionHasWhatAJoinedDeviceHas() {
    EndDevice device = SampleDevices.otaaWithSession("app", "device", 7);

    assertTrue(device.getSupportsJoin());
    assertTrue(device.getRootKeys().hasAppKey());
    assertEquals(device.getSession().getDevAddr(), device.getIds().getDevAddr());
    assertTrue(device.getSession().getKeys().hasFNwkSIntKey());
    assertTrue(device.getSession().getKeys().hasAppSKey());
    assertEquals(8, device.getMacState().getCurrentParameters().getChannelsCount());
    assertEquals("EU_863_870_TTN", device.getFrequencyPlanId());
    assertEquals(EnumSet.allOf(TtsServer.class), SampleDevices.servers(device));
  }

  @Test
  void abpHasASessionButNoRootKeysAndNoJoinServer() {
    EndDevice device = SampleDevices.abp("app", "device", 7);

    assertFalse(device.getSupportsJoin());
    assertFalse(device.hasRootKeys());
    assertTrue(device.getSession().getKeys().hasAppSKey());
    assertTrue(device.getSession().getLastAFCntDown() > 0);
    assertFalse(SampleDevices.servers(device).contains(TtsServer.JOIN_SERVER));
  }

  private static <T> int distinct(List<EndDevice> devices, Function<EndDevice, T> key) {
    Set<T> values = devices.stream().map(key).collect(Collectors.toSet());
    return values.size();
  }
}
