package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.TypeRegistry;
import java.io.IOException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.ErrorDetails;
import org.ttnlw.migrate.proto.ProvisionEndDevicesRequest;

/**
 * {@code google.protobuf.Any}: {@code {"@type": "type.googleapis.com/ttn.lorawan.v3.X", ...}} with
 * the fields of the packed message next to {@code @type}, or, for types with a JSON form that is
 * not an object of fields (Timestamp, wrappers, ...), under {@code "value"}. Only this project's
 * TTS types and the google.protobuf types they use can be packed.
 */
final class AnyCodec implements MessageCodec {
  /** The files of these types and the files they import hold every type this tool knows. */
  private static final TypeRegistry KNOWN_TYPES =
      TypeRegistry.newBuilder()
          .add(EndDevice.getDescriptor())
          .add(ErrorDetails.getDescriptor())
          .add(ProvisionEndDevicesRequest.getDescriptor())
          .add(Empty.getDescriptor())
          .build();

  /** Exact decimals, so that numbers reach the packed message's codecs as written. */
  private static final ObjectMapper TREES =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static final FieldDescriptor TYPE_URL = Any.getDescriptor().findFieldByName("type_url");
  private static final FieldDescriptor VALUE = Any.getDescriptor().findFieldByName("value");
  private static final String TYPE_MEMBER = "@type";
  private static final String VALUE_MEMBER = "value";

  private final CodecRegistry codecs;

  AnyCodec(CodecRegistry codecs) {
    this.codecs = codecs;
  }

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    MessageOrBuilder any = (MessageOrBuilder) value;
    String typeUrl = (String) any.getField(TYPE_URL);
    ByteString packed = (ByteString) any.getField(VALUE);
    out.writeStartObject();
    if (!typeUrl.isEmpty() || !packed.isEmpty()) {
      Descriptor type = knownType(typeUrl);
      DynamicMessage content;
      try {
        content = DynamicMessage.parseFrom(type, packed);
      } catch (InvalidProtocolBufferException e) {
        throw new TtsJsonException("the packed " + type.getFullName() + " cannot be decoded", e);
      }
      out.writeStringField(TYPE_MEMBER, typeUrl);
      MessageCodec codec = codecs.forMessage(type);
      if (codec instanceof ObjectMessageCodec object) {
        object.writeMembers(content, out);
      } else {
        out.writeFieldName(VALUE_MEMBER);
        codec.write(content, out);
      }
    }
    out.writeEndObject();
  }

  @Override
  public void readInto(JsonParser in, Message.Builder builder) throws IOException {
    Tokens.expect(in, JsonToken.START_OBJECT, "an object");
    // "@type" may come after the fields it describes, so the object is read whole first.
    ObjectNode object = TREES.readTree(in);
    if (object.isEmpty()) {
      return;
    }
    JsonNode typeUrl = object.remove(TYPE_MEMBER);
    if (typeUrl == null || !typeUrl.isTextual()) {
      throw new TtsJsonException("an Any needs a string \"@type\"");
    }
    Descriptor type = knownType(typeUrl.asText());
    MessageCodec codec = codecs.forMessage(type);
    JsonNode content = object;
    if (!(codec instanceof ObjectMessageCodec)) {
      content = object.get(VALUE_MEMBER);
      if (content == null || object.size() != 1) {
        throw new TtsJsonException(
            "an Any of "
                + type.getFullName()
                + " needs \"value\" and nothing else next to \"@type\"");
      }
    }
    DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
    try (JsonParser contentIn = TREES.treeAsTokens(content)) {
      contentIn.nextToken();
      codec.readInto(contentIn, message);
    } catch (TtsJsonException e) {
      throw content == object ? e : TtsJsonException.under(VALUE_MEMBER, e);
    }
    builder.setField(TYPE_URL, typeUrl.asText());
    builder.setField(VALUE, message.build().toByteString());
  }

  private static Descriptor knownType(String typeUrl) {
    Descriptor type = KNOWN_TYPES.find(typeUrl.substring(typeUrl.lastIndexOf('/') + 1));
    if (type == null) {
      throw new TtsJsonException(
          "an Any holds "
              + Tokens.quote(typeUrl)
              + ", which is not a TTS or google.protobuf type this tool knows");
    }
    return type;
  }
}
