package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The protobuf types that JSON has as such: {@code bool} (JSON {@code true} and {@code false}) and
 * {@code string}. As map keys, a bool is the word, a string itself.
 */
enum NativeCodec implements ScalarCodec, MapKeyCodec {
  BOOL,
  STRING;

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    if (this == BOOL) {
      out.writeBoolean((boolean) value);
    } else {
      out.writeString((String) value);
    }
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    if (this == STRING) {
      return Tokens.expectString(in, "a string");
    }
    JsonToken token = in.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw Tokens.unexpected(in, "true or false");
    }
    return token == JsonToken.VALUE_TRUE;
  }

  @Override
  public String toKey(Object key) {
    return key.toString();
  }

  @Override
  public Object fromKey(String key) {
    if (this == STRING) {
      return key;
    }
    return switch (key) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new TtsJsonException("expected true or false, got " + Tokens.quote(key));
    };
  }

  @Override
  public int compare(Object a, Object b) {
    return this == BOOL
        ? Boolean.compare((boolean) a, (boolean) b)
        : ((String) a).compareTo((String) b);
  }
}
