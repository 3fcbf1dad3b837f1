package org.ttnlw.migrate.sim;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.Values;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.proto.MessagePayloadFormatters;

/**
 * TTS's validation of payload formatter parameters (a device's {@code formatters}, a link's
 * {@code default_formatters}): since 3.35.0 each may hold up to 65,536 characters (before, 40,960);
 * a request with a longer one is refused as a whole, wherever in it the formatters are.
 */
final class FormatterLimit {
  static final int MAX_CHARACTERS = 65_536;

  private FormatterLimit() {}

  static void check(Object request) {
    if (request instanceof Message message) {
      check(message, "");
    }
  }

  private static void check(Message message, String path) {
    if (message instanceof MessagePayloadFormatters formatters) {
      checkLength(path + "up_formatter_parameter", formatters.getUpFormatterParameter());
      checkLength(path + "down_formatter_parameter", formatters.getDownFormatterParameter());
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
      if (field.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      String at = path + field.getKey().getName() + ".";
      if (field.getValue() instanceof List<?> items) {
        items.forEach(item -> check((Message) item, at));
      } else {
        check((Message) field.getValue(), at);
      }
    }
  }

  private static void checkLength(String field, String parameter) {
    int characters = parameter.codePointCount(0, parameter.length());
    if (characters > MAX_CHARACTERS) {
      throw TtsError.INVALID_FIELD.toException(Map.of("field", Values.of(field), "reason",
          Values.of("value length must be at most " + MAX_CHARACTERS + " runes, not "
              + characters)));
    }
  }
}
