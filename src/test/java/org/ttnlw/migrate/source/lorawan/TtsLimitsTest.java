package org.ttnlw.migrate.source.lorawan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.proto.EndDevice;

class TtsLimitsTest {
  private static final String DEVICE = "0004a30b001c0530";
  private final Logger logger = (Logger) LoggerFactory.getLogger(TtsLimits.class);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void releaseLogs() {
    logger.detachAppender(logs);
  }

  private List<String> warnings() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aLongNameIsCutTo50CharactersWithAWarningNamingTheDevice() {
    String name = "x".repeat(49) + "\uD83D\uDE00" + "tail";
    String cut = TtsLimits.name(DEVICE, name);
    assertEquals(50, cut.codePointCount(0, cut.length()));
    assertTrue(cut.endsWith("\uD83D\uDE00"), "a cut never splits a character");
    assertEquals(List.of("device " + DEVICE + ": name cut to the 50 characters TTS allows (it had"
        + " 54)"), warnings());
    assertEquals("short", TtsLimits.name(DEVICE, "short"));
    assertEquals("x".repeat(50), TtsLimits.name(DEVICE, "x".repeat(50)));
    assertEquals(1, warnings().size());
  }

  @Test
  void aLongDescriptionIsCutTo2000() {
    assertEquals(2000, TtsLimits.description(DEVICE, "d".repeat(2001)).length());
    assertTrue(warnings().get(0).contains("description cut to the 2000"), warnings().toString());
  }

  @Test
  void attributeKeysAreMadeValidOrLeftOut() {
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put("firefly-tags", "a,b");
    wanted.put("Building_A", "north");
    wanted.put("--x--", "too short");
    wanted.put("building-a", "repeats");
    wanted.put("k".repeat(40), "long key");
    wanted.put("value", "v".repeat(201));
    Map<String, String> accepted = TtsLimits.attributes(DEVICE, wanted);
    assertEquals(List.of("firefly-tags", "building-a", "k".repeat(36), "value"),
        List.copyOf(accepted.keySet()));
    assertEquals("north", accepted.get("building-a"));
    assertEquals(200, accepted.get("value").length());
    List<String> warnings = warnings();
    assertEquals(5, warnings.size(), warnings.toString());
    assertTrue(warnings.stream().allMatch(w -> w.startsWith("device " + DEVICE + ": ")),
        warnings.toString());
  }

  @Test
  void atMostTenAttributes() {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      wanted.put("key-" + i, "v");
    }
    Map<String, String> accepted = TtsLimits.attributes(DEVICE, wanted);
    assertEquals(10, accepted.size());
    assertTrue(accepted.containsKey("key-9") && !accepted.containsKey("key-10"));
    assertEquals(2, warnings().size());
  }

  @Test
  void applyBringsTheWholeDeviceWithinTheLimits() {
    EndDevice device = TtsLimits.apply(DEVICE, EndDevice.newBuilder()
        .setName("n".repeat(60))
        .setDescription("fine")
        .putAttributes("Firefly Region", "EU868")
        .build());
    assertEquals(50, device.getName().length());
    assertEquals("fine", device.getDescription());
    assertEquals(Map.of("firefly-region", "EU868"), device.getAttributesMap());
  }

  @Test
  void deviceIdsFollowTtsRules() {
    assertTrue(TtsLimits.deviceIdProblem("eui-0004a30b001c0530").isEmpty());
    assertTrue(TtsLimits.deviceIdProblem("0004A30B001C0530").isPresent());
    assertTrue(TtsLimits.deviceIdProblem("x".repeat(37)).isPresent());
  }
}
