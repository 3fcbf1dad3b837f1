package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.ByteString;
import java.io.IOException;

/**
 * Protobuf {@code bytes} that TTS writes as upper-case hex of a fixed length (EUIs, DevAddr, keys).
 * Readers take either case. A value of another length is an error both ways: TTS holds these in
 * fixed-size types and would not take it.
 */
record HexCodec(int length) implements ScalarCodec {
  private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    ByteString bytes = (ByteString) value;
    if (bytes.size() != length) {
      throw new TtsJsonException("has " + bytes.size() + " bytes, TTS takes exactly " + length);
    }
    char[] hex = new char[2 * length];
    for (int i = 0; i < length; i++) {
      int b = bytes.byteAt(i) & 0xFF;
      hex[2 * i] = DIGITS[b >>> 4];
      hex[2 * i + 1] = DIGITS[b & 0xF];
    }
    out.writeString(hex, 0, hex.length);
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    String expected = length + " bytes of hex";
    String text = Tokens.expectString(in, expected);
    if (text.length() != 2 * length) {
      throw Tokens.unexpected(in, expected);
    }
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      int high = digit(text.charAt(2 * i));
      int low = digit(text.charAt(2 * i + 1));
      if (high < 0 || low < 0) {
        throw Tokens.unexpected(in, expected);
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return ByteString.copyFrom(bytes);
  }

  /** Like {@link Character#digit(char, int)}, but ASCII only. */
  private static int digit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }
}
