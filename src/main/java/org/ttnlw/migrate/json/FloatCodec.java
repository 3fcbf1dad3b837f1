package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Protobuf {@code float} and {@code double}: JSON numbers, with NaN and the infinities as the
 * strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}. Whole numbers are written
 * without a fraction ({@code 16}, not {@code 16.0}), as TTS does.
 */
enum FloatCodec implements ScalarCodec {
  FLOAT("a float"),
  DOUBLE("a double");

  /** Below this, every whole double converts exactly to a long. */
  private static final double EXACT_WHOLE_LIMIT = 0x1p53;

  private final String description;

  FloatCodec(String description) {
    this.description = description;
  }

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    double number = ((Number) value).doubleValue();
    if (Double.isNaN(number)) {
      out.writeString("NaN");
    } else if (Double.isInfinite(number)) {
      out.writeString(number > 0 ? "Infinity" : "-Infinity");
    } else if (number == Math.rint(number)
        && Math.abs(number) < EXACT_WHOLE_LIMIT
        && Double.doubleToRawLongBits(number) != Double.doubleToRawLongBits(-0.0)) {
      out.writeNumber((long) number);
    } else if (this == FLOAT) {
      out.writeNumber((float) value);
    } else {
      out.writeNumber(number);
    }
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    String text =
        switch (in.currentToken()) {
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING -> in.getText();
          default -> throw Tokens.unexpected(in, description);
        };
    return switch (text) {
      case "NaN" -> boxed(Double.NaN);
      case "Infinity" -> boxed(Double.POSITIVE_INFINITY);
      case "-Infinity" -> boxed(Double.NEGATIVE_INFINITY);
      default -> parseFinite(text);
    };
  }

  private Object boxed(double value) {
    return this == FLOAT ? (Object) (float) value : (Object) value;
  }

  private Object parseFinite(String text) {
    try {
      new BigDecimal(text); // accepts exactly the JSON number syntax, unlike parseDouble
    } catch (NumberFormatException e) {
      throw new TtsJsonException("expected " + description + ", got " + Tokens.quote(text));
    }
    // A float is parsed as such: rounding to double first could round it differently.
    Object value =
        this == FLOAT ? (Object) Float.parseFloat(text) : (Object) Double.parseDouble(text);
    if (Double.isInfinite(((Number) value).doubleValue())) {
      throw new TtsJsonException(text + " is out of range for " + description);
    }
    return value;
  }
}
