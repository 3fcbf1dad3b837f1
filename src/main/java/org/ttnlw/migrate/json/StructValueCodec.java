package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code google.protobuf.Value}: any JSON value, held in the member of its {@code kind} oneof that
 * matches the JSON type. JSON {@code null} is a value here ({@code null_value}).
 */
final class StructValueCodec implements MessageCodec {
  private final OneofDescriptor kind;
  private final FieldDescriptor nullValue;
  private final Map<FieldDescriptor, ValueCodec> codecs = new HashMap<>();

  StructValueCodec(Descriptor type, CodecRegistry registry) {
    this.kind = type.getOneofs().get(0);
    this.nullValue = type.findFieldByName("null_value");
    for (FieldDescriptor member : kind.getFields()) {
      if (member != nullValue) {
        codecs.put(member, registry.valueCodec(member));
      }
    }
  }

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    MessageOrBuilder message = (MessageOrBuilder) value;
    FieldDescriptor member = message.getOneofFieldDescriptor(kind);
    if (member == null) {
      throw new TtsJsonException("google.protobuf.Value has no kind set");
    } else if (member == nullValue) {
      out.writeNull();
    } else {
      codecs.get(member).write(message.getField(member), out);
    }
  }

  @Override
  public void readInto(JsonParser in, Message.Builder builder) throws IOException {
    String member =
        switch (in.currentToken()) {
          case VALUE_NULL -> "null_value";
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number_value";
          case VALUE_STRING -> "string_value";
          case VALUE_TRUE, VALUE_FALSE -> "bool_value";
          case START_OBJECT -> "struct_value";
          case START_ARRAY -> "list_value";
          default -> throw Tokens.unexpected(in, "a JSON value");
        };
    FieldDescriptor field = kind.getContainingType().findFieldByName(member);
    builder.setField(
        field,
        field == nullValue
            ? nullValue.getEnumType().findValueByNumber(0)
            : codecs.get(field).read(in, builder, field));
  }

  @Override
  public boolean readsNull() {
    return true;
  }
}
