package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;

/** The JSON form of one message type. */
interface MessageCodec extends ValueCodec {
  /** Merges the JSON value at the parser's current token into {@code builder}. */
  void readInto(JsonParser in, Message.Builder builder) throws IOException;

  @Override
  default Object read(JsonParser in, Message.Builder owner, FieldDescriptor field)
      throws IOException {
    Message.Builder builder = owner.newBuilderForField(field);
    readInto(in, builder);
    return builder.build();
  }
}
