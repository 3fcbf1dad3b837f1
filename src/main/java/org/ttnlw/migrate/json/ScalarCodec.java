package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;

/** A codec for values that are not messages: they do not depend on where they are stored. */
interface ScalarCodec extends ValueCodec {
  Object read(JsonParser in) throws IOException;

  @Override
  default Object read(JsonParser in, Message.Builder owner, FieldDescriptor field)
      throws IOException {
    return read(in);
  }
}
