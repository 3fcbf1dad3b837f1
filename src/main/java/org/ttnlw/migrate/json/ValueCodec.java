package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;

/**
 * Converts one value of a field (a list item or map value for repeated fields) to and from JSON.
 */
interface ValueCodec {
  /** Writes {@code value} as protobuf reflection returns it for the field. */
  void write(Object value, JsonGenerator out) throws IOException;

  /**
   * Reads the JSON value at the parser's current token (the last token of the value is current
   * afterwards) and returns it as protobuf reflection takes it for the field. The value is to be
   * stored in {@code field} of {@code owner}; message values need that to make a builder of the
   * right class.
   */
  Object read(JsonParser in, Message.Builder owner, FieldDescriptor field) throws IOException;

  /** Whether JSON {@code null} is a value of this type rather than "not set". */
  default boolean readsNull() {
    return false;
  }
}
