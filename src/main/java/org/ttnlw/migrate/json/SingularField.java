package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;

/**
 * A field that is neither repeated nor a map. A message value read from JSON replaces the field's
 * value rather than being merged into it, as in protobuf's own JSON parser.
 */
record SingularField(FieldDescriptor field, ValueCodec value) implements FieldCodec {
  @Override
  public Object presentValue(MessageOrBuilder message) {
    if (field.hasPresence()) {
      return message.hasField(field) ? message.getField(field) : null;
    }
    // One reflective call instead of hasField's and getField's, for the most common fields.
    Object fieldValue = message.getField(field);
    return fieldValue.equals(field.getDefaultValue()) ? null : fieldValue;
  }

  @Override
  public void write(Object fieldValue, JsonGenerator out) throws IOException {
    value.write(fieldValue, out);
  }

  @Override
  public void read(JsonParser in, Message.Builder builder) throws IOException {
    builder.setField(field, value.read(in, builder, field));
  }

  @Override
  public boolean readsNull() {
    return value.readsNull();
  }
}
