package org.ttnlw.migrate.json;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.ttnlw.migrate.proto.JsonOptions;

/**
 * The codecs of all message and enum types, made once per type from its descriptor and its json
 * options. Thread-safe.
 */
final class CodecRegistry {
  private static final Set<String> GOOGLE_WRAPPERS =
      Set.of(
          "google.protobuf.DoubleValue",
          "google.protobuf.FloatValue",
          "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value",
          "google.protobuf.Int32Value",
          "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue",
          "google.protobuf.StringValue",
          "google.protobuf.BytesValue");

  private final ConcurrentMap<Descriptor, MessageCodec> messages = new ConcurrentHashMap<>();
  private final ConcurrentMap<EnumDescriptor, EnumCodec> enums = new ConcurrentHashMap<>();

  MessageCodec forMessage(Descriptor type) {
    return messages.computeIfAbsent(type, this::create);
  }

  ValueCodec valueCodec(FieldDescriptor field) {
    return switch (field.getType()) {
      case INT32, SINT32, SFIXED32 -> IntegerCodec.INT32;
      case UINT32, FIXED32 -> IntegerCodec.UINT32;
      case INT64, SINT64, SFIXED64 -> IntegerCodec.INT64;
      case UINT64, FIXED64 -> IntegerCodec.UINT64;
      case FLOAT -> FloatCodec.FLOAT;
      case DOUBLE -> FloatCodec.DOUBLE;
      case BOOL -> NativeCodec.BOOL;
      case STRING -> NativeCodec.STRING;
      case BYTES ->
          field.getOptions().hasExtension(JsonOptions.hexBytes)
              ? new HexCodec(field.getOptions().getExtension(JsonOptions.hexBytes))
              : Base64Codec.INSTANCE;
      case ENUM -> enums.computeIfAbsent(field.getEnumType(), EnumCodec::new);
      case MESSAGE, GROUP -> new LazyMessageCodec(this, field.getMessageType());
    };
  }

  private MessageCodec create(Descriptor type) {
    return switch (type.getFullName()) {
      case "google.protobuf.Timestamp" -> TimeCodec.TIMESTAMP;
      case "google.protobuf.Duration" -> TimeCodec.DURATION;
      case "google.protobuf.Struct", "google.protobuf.ListValue" -> onlyField(type);
      case "google.protobuf.Value" -> new StructValueCodec(type, this);
      case "google.protobuf.Any" -> new AnyCodec(this);
      default ->
          GOOGLE_WRAPPERS.contains(type.getFullName())
                  || type.getOptions().getExtension(JsonOptions.bareWrapper)
              ? new WrapperCodec(onlyField(type), fieldsAsObject(type))
              : fieldsAsObject(type);
    };
  }

  private SingleFieldCodec onlyField(Descriptor type) {
    return new SingleFieldCodec(fieldCodec(type.getFields().get(0)));
  }

  private ObjectMessageCodec fieldsAsObject(Descriptor type) {
    return new ObjectMessageCodec(type, type.getFields().stream().map(this::fieldCodec).toList());
  }

  private FieldCodec fieldCodec(FieldDescriptor field) {
    if (field.isMapField()) {
      Descriptor entry = field.getMessageType();
      return new MapField(
          field,
          (MapKeyCodec) valueCodec(entry.findFieldByNumber(1)),
          valueCodec(entry.findFieldByNumber(2)));
    }
    return field.isRepeated()
        ? new RepeatedField(field, valueCodec(field))
        : new SingularField(field, valueCodec(field));
  }
}
