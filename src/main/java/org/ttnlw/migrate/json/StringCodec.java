package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** Protobuf {@code string}: a JSON string, also as map key. */
enum StringCodec implements ScalarCodec, MapKeyCodec {
  INSTANCE;

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    out.writeString((String) value);
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    return Tokens.expectString(in, "a string");
  }

  @Override
  public String toKey(Object key) {
    return (String) key;
  }

  @Override
  public Object fromKey(String key) {
    return key;
  }

  @Override
  public int compare(Object a, Object b) {
    return ((String) a).compareTo((String) b);
  }
}
