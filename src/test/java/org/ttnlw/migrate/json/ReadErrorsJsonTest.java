package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.json.JsonAssertions.assertReadFails;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ttnlw.migrate.proto.EndDevice;

/** Errors name the JSON path of the offending value and what is wrong with it. */
class ReadErrorsJsonTest {
  /** The cases of read-errors.txt: a JSON document, then the error reading it gives. */
  static Stream<Arguments> cases() throws IOException {
    String text;
    try (InputStream in = ReadErrorsJsonTest.class.getResourceAsStream("read-errors.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Arrays.stream(text.split("\n\n"))
        .map(block -> block.lines().filter(line -> !line.startsWith("#")).toList())
        .filter(lines -> !lines.isEmpty())
        .map(lines -> Arguments.of(lines.get(0), lines.get(1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rejectsInvalidDevices(String json, String message) {
    TtsJsonException e =
        assertThrows(
            TtsJsonException.class, () -> TtsJson.instance().merge(json, EndDevice.newBuilder()));
    assertEquals(message, e.getMessage());
  }

  @Test
  void tellsThePathAndTheProblemApart() {
    TtsJsonException e =
        assertReadFails(
            "mac_state.recent_uplinks[0].bogus: "
                + "unknown field of ttn.lorawan.v3.MACState.UplinkMessage",
            "{'mac_state': {'recent_uplinks': [{'bogus': 1}]}}",
            EndDevice.newBuilder());
    assertEquals("mac_state.recent_uplinks[0].bogus", e.path());
    assertEquals("unknown field of ttn.lorawan.v3.MACState.UplinkMessage", e.problem());
  }

  @Test
  void rejectsMalformedJsonNamingWhereItWasFound() {
    TtsJsonException e =
        assertThrows(
            TtsJsonException.class,
            () ->
                TtsJson.instance()
                    .merge("{\"mac_state\": {\"lorawan_version\": 1,}}", EndDevice.newBuilder()));
    assertEquals("mac_state", e.path());
    assertTrue(e.problem().startsWith("malformed JSON: Unexpected character ('}'"), e.problem());
    assertTrue(e.problem().endsWith("(line 1, column 37)"), e.problem());
  }

  @Test
  void rejectsDocumentsThatAreNotOneObject() {
    assertReadFails("expected an object, got a list", "[]", EndDevice.newBuilder());
    assertReadFails("expected an object, got the end of the input", "", EndDevice.newBuilder());
    assertReadFails(
        "expected the end of the input, got an object", "{} {}", EndDevice.newBuilder());
  }

  @Test
  void leavesTheStreamAtTheEndOfTheObject() throws Exception {
    try (JsonParser in = new JsonFactory().createParser("{\"name\": \"a\"} 7")) {
      assertEquals("a", TtsJson.instance().merge(in, EndDevice.newBuilder()).getName());
      assertEquals(7, in.nextIntValue(0));
    }
  }
}
