package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Protobuf integers. 64-bit ones are written as JSON strings, because JSON readers commonly hold
 * numbers as doubles; readers take numbers and strings for all of them, including integral forms
 * such as {@code 1.0} and {@code 1e3}. Unsigned values travel in Java's signed types, as
 * protobuf-java stores them.
 */
enum IntegerCodec implements ScalarCodec, MapKeyCodec {
  INT32("a 32-bit integer", Integer.MIN_VALUE, Integer.MAX_VALUE),
  UINT32("an unsigned 32-bit integer", 0, 0xFFFF_FFFFL),
  INT64("a 64-bit integer", Long.MIN_VALUE, Long.MAX_VALUE),
  UINT64("an unsigned 64-bit integer", 0, Long.MAX_VALUE);

  /** Digits of the largest integer of any kind, 2^64 - 1. */
  private static final int MAX_DIGITS = 20;

  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private final String description;
  private final long min;
  private final long max;

  IntegerCodec(String description, long min, long max) {
    this.description = description;
    this.min = min;
    this.max = max;
  }

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    switch (this) {
      case INT32 -> out.writeNumber((int) value);
      case UINT32 -> out.writeNumber(Integer.toUnsignedLong((int) value));
      default -> out.writeString(toKey(value));
    }
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    return switch (in.currentToken()) {
      case VALUE_NUMBER_INT ->
          in.getNumberType() == NumberType.BIG_INTEGER
              ? checked(in.getBigIntegerValue(), in.getText())
              : checked(in.getLongValue(), in.getText());
      case VALUE_NUMBER_FLOAT, VALUE_STRING -> fromKey(in.getText());
      default -> throw Tokens.unexpected(in, description);
    };
  }

  @Override
  public String toKey(Object key) {
    return switch (this) {
      case INT32 -> Integer.toString((int) key);
      case UINT32 -> Integer.toUnsignedString((int) key);
      case INT64 -> Long.toString((long) key);
      case UINT64 -> Long.toUnsignedString((long) key);
    };
  }

  @Override
  public Object fromKey(String text) {
    try {
      return checked(Long.parseLong(text), text);
    } catch (NumberFormatException notALong) {
      BigDecimal decimal;
      try {
        decimal = new BigDecimal(text);
      } catch (NumberFormatException notANumber) {
        throw notAnInteger(text);
      }
      // Checked before expanding, which for "1e999999999" would take very long.
      if (decimal.precision() - decimal.scale() > MAX_DIGITS) {
        throw outOfRange(text);
      }
      try {
        return checked(decimal.toBigIntegerExact(), text);
      } catch (ArithmeticException notIntegral) {
        throw notAnInteger(text);
      }
    }
  }

  @Override
  public int compare(Object a, Object b) {
    return switch (this) {
      case INT32 -> Integer.compare((int) a, (int) b);
      case UINT32 -> Integer.compareUnsigned((int) a, (int) b);
      case INT64 -> Long.compare((long) a, (long) b);
      case UINT64 -> Long.compareUnsigned((long) a, (long) b);
    };
  }

  private Object checked(long value, String text) {
    if (value < min || value > max) {
      throw outOfRange(text);
    }
    return this == INT32 || this == UINT32 ? (Object) (int) value : (Object) value;
  }

  private Object checked(BigInteger value, String text) {
    if (value.bitLength() < Long.SIZE) {
      return checked(value.longValue(), text);
    }
    if (this == UINT64 && value.signum() > 0 && value.compareTo(UINT64_MAX) <= 0) {
      return value.longValue();
    }
    throw outOfRange(text);
  }

  private TtsJsonException notAnInteger(String text) {
    return new TtsJsonException("expected " + description + ", got " + Tokens.quote(text));
  }

  private TtsJsonException outOfRange(String text) {
    return new TtsJsonException(text + " is out of range for " + description);
  }
}
