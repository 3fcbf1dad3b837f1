package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.ttnlw.migrate.proto.JsonOptions;

/**
 * A protobuf enum, written as its value's name or, for enums with the {@code as_number} option, its
 * number. Where names share a number ({@code allow_alias}), the first declared name is written.
 * Readers take the number (JSON number or numeric string), any name, and the {@code alias}
 * spellings; a string that is both an alias and a number means the alias (for {@code
 * ADRAckLimitExponent}, {@code "2"} is {@code ADR_ACK_LIMIT_2}, whose number is 1).
 */
final class EnumCodec implements ScalarCodec {
  private final EnumDescriptor type;
  private final boolean asNumber;
  private final Map<String, EnumValueDescriptor> spellings;

  EnumCodec(EnumDescriptor type) {
    this.type = type;
    this.asNumber = type.getOptions().getExtension(JsonOptions.asNumber);
    Map<String, EnumValueDescriptor> spellings = new HashMap<>();
    for (EnumValueDescriptor value : type.getValues()) {
      spellings.putIfAbsent(value.getName(), value);
    }
    for (EnumValueDescriptor value : type.getValues()) {
      for (String alias : value.getOptions().getExtension(JsonOptions.alias)) {
        spellings.putIfAbsent(alias, value);
      }
    }
    this.spellings = Map.copyOf(spellings);
  }

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    int number = ((EnumValueDescriptor) value).getNumber();
    EnumValueDescriptor declared = type.findValueByNumber(number);
    if (asNumber || declared == null) {
      out.writeNumber(number);
    } else {
      out.writeString(declared.getName());
    }
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    JsonToken token = in.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      EnumValueDescriptor value = spellings.get(in.getText());
      if (value != null) {
        return value;
      }
    } else if (token != JsonToken.VALUE_NUMBER_INT) {
      throw unexpected(in);
    }
    try {
      return byNumber((int) IntegerCodec.INT32.read(in), in);
    } catch (TtsJsonException notANumber) {
      throw unexpected(in);
    }
  }

  private EnumValueDescriptor byNumber(int number, JsonParser in) throws IOException {
    EnumValueDescriptor value =
        type.isClosed()
            ? type.findValueByNumber(number)
            : type.findValueByNumberCreatingIfUnknown(number);
    if (value == null) {
      throw unexpected(in);
    }
    return value;
  }

  private TtsJsonException unexpected(JsonParser in) throws IOException {
    return Tokens.unexpected(in, "a value of enum " + type.getFullName());
  }
}
