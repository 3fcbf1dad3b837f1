package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;

/** Checks on the parser's current token, with error messages that show what was found. */
final class Tokens {
  private static final int SHOWN_CHARS = 40;

  private Tokens() {}

  static void expect(JsonParser in, JsonToken token, String expected) throws IOException {
    if (in.currentToken() != token) {
      throw unexpected(in, expected);
    }
  }

  /** Returns the current string token's text. */
  static String expectString(JsonParser in, String expected) throws IOException {
    expect(in, JsonToken.VALUE_STRING, expected);
    return in.getText();
  }

  static TtsJsonException unexpected(JsonParser in, String expected) throws IOException {
    return new TtsJsonException("expected " + expected + ", got " + describe(in));
  }

  static String quote(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  private static String describe(JsonParser in) throws IOException {
    JsonToken token = in.currentToken();
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> quote(shortened(in.getText()));
      default -> shortened(in.getText());
    };
  }

  private static String shortened(String text) {
    return text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
  }
}
