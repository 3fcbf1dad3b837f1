package org.ttnlw.migrate.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.proto.JsonOptions;

/**
 * A message written as a JSON object with a member per set field, in declaration order, named with
 * the original snake_case field name (or the field's {@code tts_name}). Readers also take the
 * lowerCamelCase form of the names, as protobuf JSON parsers and TTS do.
 */
final class ObjectMessageCodec implements MessageCodec {
  private record Member(SerializableString name, FieldCodec codec, int oneofSlot) {}

  private final Descriptor type;
  private final Member[] members;
  private final Map<String, Integer> indexByName = new HashMap<>();

  ObjectMessageCodec(Descriptor type, List<FieldCodec> fields) {
    this.type = type;
    this.members = new Member[fields.size()];
    for (int i = 0; i < members.length; i++) {
      FieldCodec codec = fields.get(i);
      FieldDescriptor field = codec.field();
      String name =
          field.getOptions().hasExtension(JsonOptions.ttsName)
              ? field.getOptions().getExtension(JsonOptions.ttsName)
              : field.getName();
      OneofDescriptor oneof = field.getRealContainingOneof();
      int oneofSlot = oneof == null ? -1 : members.length + oneof.getIndex();
      members[i] = new Member(new SerializedString(name), codec, oneofSlot);
      addName(name, i);
      addName(lowerCamel(name), i);
    }
  }

  @Override
  public void write(Object value, JsonGenerator out) throws IOException {
    out.writeStartObject();
    writeMembers((MessageOrBuilder) value, out);
    out.writeEndObject();
  }

  /** Writes the members of the object, without its braces. */
  void writeMembers(MessageOrBuilder message, JsonGenerator out) throws IOException {
    for (Member member : members) {
      Object value = member.codec().presentValue(message);
      if (value != null) {
        out.writeFieldName(member.name());
        try {
          member.codec().write(value, out);
        } catch (TtsJsonException e) {
          throw TtsJsonException.under(member.name().getValue(), e);
        }
      }
    }
  }

  @Override
  public void readInto(JsonParser in, Message.Builder builder) throws IOException {
    Tokens.expect(in, JsonToken.START_OBJECT, "an object");
    // One bit per member that was read, then one per oneof that has a member read.
    BitSet seen = new BitSet(members.length + type.getOneofs().size());
    while (in.nextToken() == JsonToken.FIELD_NAME) {
      String name = in.currentName();
      try {
        in.nextToken();
        Integer index = indexByName.get(name);
        if (index == null) {
          throw new TtsJsonException("unknown field of " + type.getFullName());
        }
        readMember(index, in, builder, seen);
      } catch (TtsJsonException | StreamReadException e) {
        throw TtsJsonException.under(name, e);
      }
    }
  }

  private void readMember(int index, JsonParser in, Message.Builder builder, BitSet seen)
      throws IOException {
    Member member = members[index];
    if (in.currentToken() == JsonToken.VALUE_NULL && !member.codec().readsNull()) {
      return;
    }
    if (seen.get(index)) {
      throw new TtsJsonException("the field appears twice");
    }
    seen.set(index);
    if (member.oneofSlot() >= 0) {
      if (seen.get(member.oneofSlot())) {
        throw new TtsJsonException(
            "another field of oneof "
                + member.codec().field().getContainingOneof().getName()
                + " is already set");
      }
      seen.set(member.oneofSlot());
    }
    member.codec().read(in, builder);
  }

  private void addName(String name, int index) {
    Integer previous = indexByName.putIfAbsent(name, index);
    if (previous != null && previous != index) {
      throw new IllegalStateException("two fields of " + type.getFullName() + " are " + name);
    }
  }

  private static String lowerCamel(String snakeCase) {
    StringBuilder camel = new StringBuilder(snakeCase.length());
    boolean upper = false;
    for (char c : snakeCase.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        camel.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return camel.toString();
  }
}
