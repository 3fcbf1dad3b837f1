package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;

/** The JSON value of one field of a message: singular, list or map. */
interface FieldCodec {
  FieldDescriptor field();

  /**
   * The field's value as protobuf reflection returns it, or null if the field is not written:
   * protobuf JSON leaves out fields that are not set, which for fields without explicit presence
   * means fields holding their zero value, and empty lists and maps.
   */
  Object presentValue(MessageOrBuilder message);

  /** Writes a value of the field, as protobuf reflection returns it, zero or not. */
  void write(Object value, JsonGenerator out) throws IOException;

  /**
   * Reads the JSON value at the parser's current token into the field. Callers leave the field
   * unset for JSON {@code null} unless {@link #readsNull()}.
   */
  void read(JsonParser in, Message.Builder builder) throws IOException;

  boolean readsNull();
}
