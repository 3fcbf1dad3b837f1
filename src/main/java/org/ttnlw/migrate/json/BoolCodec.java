package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/** Protobuf {@code bool}: JSON {@code true} and {@code false}; as map keys, those words. */
enum BoolCodec implements ScalarCodec, MapKeyCodec {
  INSTANCE;

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    out.writeBoolean((boolean) value);
  }

  @Override
  public Object read(JsonParser in) throws IOException {
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
    return switch (key) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new TtsJsonException("expected true or false, got " + Tokens.quote(key));
    };
  }

  @Override
  public int compare(Object a, Object b) {
    return Boolean.compare((boolean) a, (boolean) b);
  }
}
