package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Durations;
import com.google.protobuf.util.Timestamps;
import java.io.IOException;
import java.text.ParseException;
import java.util.function.Function;

/**
 * {@code google.protobuf.Timestamp} as RFC 3339 in UTC and {@code google.protobuf.Duration} as
 * seconds with an {@code s}, both with 0, 3, 6 or 9 fractional digits ({@code
 * "2021-05-21T11:38:08.078114300Z"}, {@code "1.500s"}). Readers also take timestamps with a UTC
 * offset. Works on the fields, so that dynamic messages (inside Any) are handled too.
 */
enum TimeCodec implements MessageCodec {
  TIMESTAMP(
      Timestamp.getDefaultInstance(),
      "an RFC 3339 timestamp",
      time -> Timestamps.toString((Timestamp) time),
      Timestamps::parse),
  DURATION(
      Duration.getDefaultInstance(),
      "a duration in seconds such as \"1.5s\"",
      time -> Durations.toString((Duration) time),
      Durations::parse);

  private interface Parser {
    Message parse(String text) throws ParseException;
  }

  private final Message prototype;
  private final FieldDescriptor seconds;
  private final FieldDescriptor nanos;
  private final String description;
  private final Function<Message, String> formatter;
  private final Parser parser;

  TimeCodec(
      Message prototype, String description, Function<Message, String> formatter, Parser parser) {
    this.prototype = prototype;
    this.seconds = prototype.getDescriptorForType().findFieldByName("seconds");
    this.nanos = prototype.getDescriptorForType().findFieldByName("nanos");
    this.description = description;
    this.formatter = formatter;
    this.parser = parser;
  }

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    MessageOrBuilder time = (MessageOrBuilder) value;
    String text;
    try {
      text =
          formatter.apply(
              prototype
                  .newBuilderForType()
                  .setField(seconds, time.getField(seconds))
                  .setField(nanos, time.getField(nanos))
                  .build());
    } catch (IllegalArgumentException e) {
      throw new TtsJsonException("not " + description + ": " + e.getMessage(), e);
    }
    out.writeString(text);
  }

  @Override
  public void readInto(JsonParser in, Message.Builder builder) throws IOException {
    Message time;
    try {
      time = parser.parse(Tokens.expectString(in, description));
    } catch (ParseException e) {
      throw Tokens.unexpected(in, description);
    }
    builder.setField(seconds, time.getField(seconds)).setField(nanos, time.getField(nanos));
  }
}
