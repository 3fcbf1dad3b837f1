package org.ttnlw.migrate.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.DeviceRef;

class DeviceFilterTest {
  private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
  private static final ListedDevice DEVICE = ListedDevice.of(new DeviceRef("app", "dev-1"))
      .withAttributes(Map.of("site", "hall-3"))
      .withProfile("Temperature sensor")
      .withModel("the-things-industries", "generic-node")
      .withActivationAndPlan(true, Optional.of("EU_863_870_TTN"))
      .withLastSeen(NOW.minus(Duration.ofDays(10)));

  private static boolean matches(String filter, ListedDevice device) {
    return DeviceFilter.parse(filter).matches(device, NOW);
  }

  @Test
  void eachFormMatchesWhatTheListTells() {
    assertTrue(matches("attribute:site=hall-3", DEVICE));
    assertFalse(matches("attribute:site=hall-4", DEVICE));
    assertFalse(matches("attribute:floor=hall-3", DEVICE));
    assertTrue(matches("tag: site = hall-3 ", DEVICE));
    assertTrue(matches("profile:Temperature sensor", DEVICE));
    assertTrue(matches("model:the-things-industries/generic-node", DEVICE));
    assertFalse(matches("model:the-things-industries/other", DEVICE));
    assertTrue(matches("frequency-plan:EU_863_870_TTN", DEVICE));
    assertTrue(matches("OTAA", DEVICE));
    assertFalse(matches("abp", DEVICE));
    assertTrue(matches("seen-within:2w", DEVICE));
    assertFalse(matches("seen-within:240h", DEVICE.withLastSeen(NOW.minus(Duration.ofDays(11)))));
    assertFalse(matches("not-seen-within:30d", DEVICE));
    assertTrue(matches("not-seen-within:9d", DEVICE));
  }

  @Test
  void aDeviceNeverSeenIsNotSeenWithinAnyAge() {
    ListedDevice never = DEVICE.withLastSeen(null);
    assertFalse(matches("seen-within:365d", never));
    assertTrue(matches("not-seen-within:1h", never));
    assertEquals("last-seen:never", DeviceFilter.parse("seen-within:1d").shown(never));
  }

  @Test
  void whatAFilterLooksAtIsShownWithItsValue() {
    assertEquals("attribute:site=hall-3", DeviceFilter.parse("attribute:site=x").shown(DEVICE));
    assertEquals("attribute:floor (none)", DeviceFilter.parse("attribute:floor=x")
        .shown(DEVICE));
    assertEquals("otaa", DeviceFilter.parse("abp").shown(DEVICE));
    assertEquals("last-seen:2026-11-27T00:00:00Z",
        DeviceFilter.parse("not-seen-within:1d").shown(DEVICE));
  }

  @Test
  void badInputNamesTheValueAndTheForm() {
    assertEquals("\"color:red\" is not a filter; the filters are " + DeviceFilter.FORMS,
        message("color:red"));
    assertEquals("\"attribute:site\" is not a valid attribute filter; write it as"
        + " attribute:KEY=VALUE, e.g. attribute:site=hall-3", message("attribute:site"));
    assertEquals("\"attribute:=x\" is not a valid attribute filter; write it as"
        + " attribute:KEY=VALUE, e.g. attribute:site=hall-3", message("attribute:=x"));
    assertEquals("\"seen-within:30\" is not a valid seen-within filter; write it as"
        + " seen-within:AGE with AGE like 12h, 30d or 8w", message("seen-within:30"));
    assertEquals("\"not-seen-within:0d\" is not a valid not-seen-within filter; write it as"
        + " not-seen-within:AGE with AGE like 12h, 30d or 8w", message("not-seen-within:0d"));
    assertEquals("\"otaa:yes\" is not a valid otaa filter; write it as otaa (no value)",
        message("otaa:yes"));
    assertEquals("\"model:acme\" is not a valid model filter; write it as model:BRAND/MODEL,"
        + " e.g. model:the-things-industries/generic-node", message("model:acme"));
    assertEquals("\"profile:\" is not a valid profile filter; write it as profile:NAME",
        message("profile:"));
  }

  private static String message(String filter) {
    return assertThrows(IllegalArgumentException.class, () -> DeviceFilter.parse(filter))
        .getMessage();
  }

  @Test
  void aSelectionTakesTheDevicesEveryFilterAndTheIdsFileTake() {
    Selection selection = new Selection(List.of(DeviceFilter.parse("otaa"),
        DeviceFilter.parse("attribute:site=hall-3")), Optional.of(Set.of("dev-1")), NOW);
    assertTrue(selection.matches(DEVICE));
    assertFalse(selection.matches(DEVICE.withAttributes(Map.of())));
    assertFalse(selection.matches(ListedDevice.of(new DeviceRef("app", "dev-2"))
        .withAttributes(Map.of("site", "hall-3")).withActivationAndPlan(true, Optional.empty())));
    assertEquals(Set.of(DeviceFact.ACTIVATION, DeviceFact.ATTRIBUTES), selection.facts());
    assertEquals(List.of("otaa", "attribute:site=hall-3"), selection.shown(DEVICE));
  }
}
