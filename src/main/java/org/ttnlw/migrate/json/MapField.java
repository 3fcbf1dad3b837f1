package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A map field: a JSON object whose member names are the keys (numbers in decimal). Entries are
 * written in key order, so that the same device always gives the same JSON.
 */
record MapField(
    FieldDescriptor field,
    FieldDescriptor keyField,
    FieldDescriptor valueField,
    MapKeyCodec key,
    ValueCodec value)
    implements ListField {

  MapField(FieldDescriptor field, MapKeyCodec key, ValueCodec value) {
    this(
        field,
        field.getMessageType().findFieldByNumber(1),
        field.getMessageType().findFieldByNumber(2),
        key,
        value);
  }

  @Override
  public void write(Object fieldValue, JsonGenerator out) throws IOException {
    Message[] entries = ((List<?>) fieldValue).toArray(new Message[0]);
    Arrays.sort(entries, (a, b) -> key.compare(a.getField(keyField), b.getField(keyField)));
    out.writeStartObject();
    for (Message entry : entries) {
      String name = key.toKey(entry.getField(keyField));
      out.writeFieldName(name);
      try {
        value.write(entry.getField(valueField), out);
      } catch (TtsJsonException e) {
        throw TtsJsonException.under(segment(name), e);
      }
    }
    out.writeEndObject();
  }

  @Override
  public void read(JsonParser in, Message.Builder builder) throws IOException {
    Tokens.expect(in, JsonToken.START_OBJECT, "an object");
    Set<Object> keys = new HashSet<>();
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      try {
        in.nextToken();
        Object parsedKey = key.fromKey(name);
        if (!keys.add(parsedKey)) {
          throw new TtsJsonException("the key appears twice");
        }
        if (in.currentToken() == JsonToken.VALUE_NULL && !value.readsNull()) {
          throw new TtsJsonException("null is not allowed as a map value");
        }
        Message.Builder entry = builder.newBuilderForField(field);
        entry.setField(keyField, parsedKey);
        entry.setField(valueField, value.read(in, entry, valueField));
        builder.addRepeatedField(field, entry.build());
      } catch (TtsJsonException | StreamReadException e) {
        throw TtsJsonException.under(segment(name), e);
      }
    }
  }

  private static String segment(String key) {
    return "[" + Tokens.quote(key) + "]";
  }
}
