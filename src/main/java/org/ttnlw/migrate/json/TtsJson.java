package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Converts protobuf messages to and from the JSON that The Things Stack reads and writes:
 * protobuf's JSON mapping with the original snake_case field names, plus the TTS rules that the
 * json options of this project's .proto files carry (hex bytes, bare wrappers, enums as numbers,
 * enum aliases, renamed fields).
 *
 * <p>One shared instance serves all threads; it learns each message type once, on first use.
 */
public final class TtsJson {
  private static final TtsJson INSTANCE = new TtsJson();

  private final JsonFactory factory = new JsonFactory();
  private final CodecRegistry codecs = new CodecRegistry();

  private TtsJson() {}

  public static TtsJson instance() {
    return INSTANCE;
  }

  /**
   * Writes {@code message} as one JSON value (an object for all but well-known types).
   *
   * @throws TtsJsonException if the message holds a value TTS JSON cannot express, such as a hex
   *     field of the wrong length
   */
  public void write(MessageOrBuilder message, JsonGenerator out) throws IOException {
    codecs.forMessage(message.getDescriptorForType()).write(message, out);
  }

  /** Returns {@code message} as compact JSON on one line, without a trailing newline. */
  public String toJson(MessageOrBuilder message) {
    StringWriter json = new StringWriter();
    try (JsonGenerator out = factory.createGenerator(json)) {
      write(message, out);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to a string cannot fail", e);
    }
    return json.toString();
  }

  /**
   * Merges the next JSON object of {@code in} into {@code builder}: fields it names are set (list
   * items appended), others are left alone. The parser may be at the object's {@code START_OBJECT}
   * or just before it (e.g. new, or at the previous item of a list); it is left at the object's
   * {@code END_OBJECT}.
   *
   * @throws TtsJsonException if the JSON is malformed or is not a {@code builder} message
   * @throws IOException if reading the input fails
   */
  public <B extends Message.Builder> B merge(JsonParser in, B builder) throws IOException {
    try {
      if (!in.hasToken(JsonToken.START_OBJECT)) {
        in.nextToken();
      }
      codecs.forMessage(builder.getDescriptorForType()).readInto(in, builder);
    } catch (StreamReadException e) {
      throw TtsJsonException.malformed(e);
    }
    return builder;
  }

  /**
   * Merges the JSON document {@code json} into {@code builder}, as {@link #merge(JsonParser,
   * Message.Builder)} does.
   *
   * @throws TtsJsonException if the JSON is malformed, is not a {@code builder} message, is
   *     followed by more content or goes beyond a limit of the JSON reader (nesting, number or
   *     string length: Jackson's {@code StreamReadConstraints})
   */
  public <B extends Message.Builder> B merge(String json, B builder) {
    try (JsonParser in = factory.createParser(json)) {
      merge(in, builder);
      if (in.nextToken() != null) {
        throw Tokens.unexpected(in, "the end of the input");
      }
      return builder;
    } catch (StreamReadException e) {
      throw TtsJsonException.malformed(e);
    } catch (StreamConstraintsException e) {
      throw new TtsJsonException("beyond a limit of the JSON reader: " + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("reading from a string cannot fail", e);
    }
  }
}
