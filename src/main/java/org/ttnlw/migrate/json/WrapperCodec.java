package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Message;
import java.io.IOException;

/**
 * A wrapper message (TTS's own, marked {@code bare_wrapper}, or google.protobuf's), written as its
 * bare value even when that is zero: the wrapper being set is what carries meaning. Its value is
 * never an object, so readers tell the {@code {"value": ...}} form apart by that.
 */
record WrapperCodec(MessageCodec bare, MessageCodec object) implements MessageCodec {
  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    bare.write(value, out);
  }

  @Override
  public void readInto(JsonParser in, Message.Builder builder) throws IOException {
    (in.currentToken() == JsonToken.START_OBJECT ? object : bare).readInto(in, builder);
  }
}
