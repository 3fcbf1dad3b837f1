package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.util.List;

/** A repeated field that is not a map: a JSON list. Read items are appended. */
record RepeatedField(FieldDescriptor field, ValueCodec item) implements ListField {
  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    List<?> items = (List<?>) value;
    out.writeStartArray();
    for (int i = 0; i < items.size(); i++) {
      try {
        item.write(items.get(i), out);
      } catch (TtsJsonException e) {
        throw TtsJsonException.under("[" + i + "]", e);
      }
    }
    out.writeEndArray();
  }

  @Override
  public void read(JsonParser in, Message.Builder builder) throws IOException {
    Tokens.expect(in, JsonToken.START_ARRAY, "a list");
    for (int i = 0; in.nextToken() != JsonToken.END_ARRAY; i++) {
      try {
        if (in.currentToken() == JsonToken.VALUE_NULL && !item.readsNull()) {
          throw new TtsJsonException("null is not allowed in a list");
        }
        builder.addRepeatedField(field, item.read(in, builder, field));
      } catch (TtsJsonException | StreamReadException e) {
        throw TtsJsonException.under("[" + i + "]", e);
      }
    }
  }
}
