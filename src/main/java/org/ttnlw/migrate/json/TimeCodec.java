package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.io.IOException;
import java.text.ParseException;

/**
 * {@code google.protobuf.Timestamp} as RFC 3339 in UTC and {@code google.protobuf.Duration} as
 * seconds with an {@code s}, both with 0, 3, 6 or 9 fractional digits
 * ({@code "2021-05-21T11:38:08.078114300Z"}, {@code "1.500s"}). Readers also take timestamps
 * with a UTC offset. Works on the fields, so that dynamic messages (inside Any) are handled too.
 */
enum TimeCodec implements MessageCodec {
  TIMESTAMP(Timestamp.getDescriptor(), "an RFC 3339 timestamp") {
    @Override
    String format(long seconds, int nanos) {
      return Timestamps.toString(Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos).build());
    }

    @Override
    Message parse(String text) throws ParseException {
      return Timestamps.parse(text);
    }
  },
  DURATION(Duration.getDescriptor(), "a duration in seconds such as \"1.5s\"") {
    @Override
    String format(long seconds, int nanos) {
      return Durations.toString(Duration.newBuilder().setSeconds(seconds).setNanos(nanos).build());
    }

    @Override
    Message parse(String text) throws ParseException {
      return Durations.parse(text);
    }
  };

  private final Descriptor type;
  private final FieldDescriptor seconds;
  private final FieldDescriptor nanos;
  private final String description;

  TimeCodec(Descriptor type, String description) {
    this.type = type;
    this.seconds = type.findFieldByName("seconds");
    this.nanos = type.findFieldByName("nanos");
    this.description = description;
  }

  abstract String format(long seconds, int nanos);

  abstract Message parse(String text) throws ParseException;

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    MessageOrBuilder message = (MessageOrBuilder) value;
    String text;
    try {
      text = format((long) message.getField(seconds), (int) message.getField(nanos));
    } catch (IllegalArgumentException e) {
      throw new TtsJsonException("not " + description + ": " + e.getMessage(), e);
    }
    out.writeString(text);
  }

  @Override
  public void readInto(JsonParser in, Message.Builder builder) throws IOException {
    Message parsed;
    try {
      parsed = parse(Tokens.expectString(in, description));
    } catch (ParseException e) {
      throw Tokens.unexpected(in, description);
    }
    for (FieldDescriptor field : type.getFields()) {
      builder.setField(field, parsed.getField(field));
    }
  }
}
