package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;

/**
 * A message written as the JSON value of its only field: wrappers as their bare value, {@code
 * google.protobuf.Struct} as its map, {@code google.protobuf.ListValue} as its list.
 */
record SingleFieldCodec(FieldCodec field) implements MessageCodec {
  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    field.write(((MessageOrBuilder) value).getField(field.field()), out);
  }

  @Override
  public void readInto(JsonParser in, Message.Builder builder) throws IOException {
    field.read(in, builder);
  }
}
