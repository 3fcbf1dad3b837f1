package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.Base64;

/**
 * Protobuf {@code bytes} without a hex option: standard base64 with padding. Readers also take the
 * URL-safe alphabet and missing padding.
 */
enum Base64Codec implements ScalarCodec {
  INSTANCE;

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    out.writeString(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
  }

  @Override
  public Object read(JsonParser in) throws IOException {
    String text = Tokens.expectString(in, "base64");
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    try {
      return ByteString.copyFrom(
          (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text));
    } catch (IllegalArgumentException e) {
      throw new TtsJsonException("expected base64, got " + Tokens.quote(text));
    }
  }
}
