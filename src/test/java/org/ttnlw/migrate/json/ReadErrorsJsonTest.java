package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.json.JsonAssertions.assertReadFails;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACCommand;

/** Errors name the JSON path of the offending value. */
class ReadErrorsJsonTest {
  @Test
  void rejectsUnknownFieldsNamingTheirPath() {
    TtsJsonException e = assertReadFails("mac_state.current_parameters.channels[1].bogus: "
            + "unknown field of ttn.lorawan.v3.MACParameters.Channel",
        "{'mac_state': {'current_parameters': {'channels': [{}, {'bogus': 1}]}}}",
        EndDevice.newBuilder());
    assertEquals("mac_state.current_parameters.channels[1].bogus", e.path());
    assertEquals("unknown field of ttn.lorawan.v3.MACParameters.Channel", e.problem());
  }

  @Test
  void rejectsValuesOfTheWrongJsonType() {
    assertReadFails("supports_join: expected true or false, got 'yes'",
        "{'supports_join': 'yes'}", EndDevice.newBuilder());
    assertReadFails("name: expected a string, got an object",
        "{'name': {}}", EndDevice.newBuilder());
    assertReadFails("used_dev_nonces: expected a list, got 1",
        "{'used_dev_nonces': 1}", EndDevice.newBuilder());
    assertReadFails("mac_state: expected an object, got a list",
        "{'mac_state': []}", EndDevice.newBuilder());
    assertReadFails("used_dev_nonces[1]: null is not allowed in a list",
        "{'used_dev_nonces': [1, null]}", EndDevice.newBuilder());
  }

  @Test
  void rejectsAFieldGivenTwice() {
    assertReadFails("name: the field appears twice",
        "{'name': 'a', 'name': 'b'}", EndDevice.newBuilder());
    assertReadFails("lorawanVersion: the field appears twice",
        "{'lorawan_version': 1, 'lorawanVersion': 1}", EndDevice.newBuilder());
  }

  @Test
  void rejectsTwoMembersOfAOneof() {
    assertReadFails("reset_conf: another field of oneof payload is already set",
        "{'raw_payload': '', 'reset_conf': {}}", MACCommand.newBuilder());
  }

  @Test
  void rejectsMalformedJsonNamingWhereItWasFound() {
    TtsJsonException e = assertThrows(TtsJsonException.class, () -> TtsJson.instance()
        .merge("{\"mac_state\": {\"lorawan_version\": 1,}}", EndDevice.newBuilder()));
    assertEquals("mac_state", e.path());
    assertTrue(e.problem().startsWith("malformed JSON: Unexpected character ('}'"), e.problem());
    assertTrue(e.problem().endsWith("(line 1, column 37)"), e.problem());
  }

  @Test
  void rejectsDocumentsThatAreNotOneObject() {
    assertReadFails("expected an object, got a list", "[]", EndDevice.newBuilder());
    assertReadFails("expected an object, got the end of the input", "", EndDevice.newBuilder());
    assertReadFails("expected the end of the input, got an object",
        "{} {}", EndDevice.newBuilder());
  }

  @Test
  void leavesTheStreamAtTheEndOfTheObject() throws Exception {
    try (JsonParser in = new JsonFactory().createParser("{\"name\": \"a\"} 7")) {
      assertEquals("a", TtsJson.instance().merge(in, EndDevice.newBuilder()).getName());
      assertEquals(7, in.nextIntValue(0));
    }
  }
}
