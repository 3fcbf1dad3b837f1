package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import java.io.IOException;

/**
 * The codec of a field's message type, looked up on first use. Building a message's codec so does
 * not build the codecs of the types below it, which would never end for recursive types such as
 * {@code ErrorDetails.cause}.
 */
final class LazyMessageCodec implements MessageCodec {
  private final CodecRegistry codecs;
  private final Descriptor type;
  private volatile MessageCodec codec;

  LazyMessageCodec(CodecRegistry codecs, Descriptor type) {
    this.codecs = codecs;
    this.type = type;
  }

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    codec().write(value, out);
  }

  @Override
  public void readInto(JsonParser in, Message.Builder builder) throws IOException {
    codec().readInto(in, builder);
  }

  @Override
  public boolean readsNull() {
    return codec().readsNull();
  }

  private MessageCodec codec() {
    MessageCodec resolved = codec;
    if (resolved == null) {
      resolved = codecs.forMessage(type);
      codec = resolved;
    }
    return resolved;
  }
}
