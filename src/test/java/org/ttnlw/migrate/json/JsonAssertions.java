package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;

/** Assertions on TTS JSON, written in tests with single quotes for readability. */
final class JsonAssertions {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonAssertions() {}

  /** {@code json} with single quotes turned into double quotes. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** Asserts that {@code message} writes as {@code expected}, ignoring member order. */
  static void assertWrites(String expected, MessageOrBuilder message) {
    String written = TtsJson.instance().toJson(message);
    try {
      assertEquals(MAPPER.readTree(json(expected)), MAPPER.readTree(written), written);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  static <B extends Message.Builder> B read(String singleQuoted, B builder) {
    return TtsJson.instance().merge(json(singleQuoted), builder);
  }

  /** Asserts that reading {@code json} fails with {@code expectedMessage}. */
  static TtsJsonException assertReadFails(
      String expectedMessage, String singleQuoted, Message.Builder builder) {
    TtsJsonException e = assertThrows(TtsJsonException.class, () -> read(singleQuoted, builder));
    assertEquals(json(expectedMessage), e.getMessage());
    return e;
  }
}
