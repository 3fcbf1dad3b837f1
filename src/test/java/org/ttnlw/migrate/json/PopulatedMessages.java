package org.ttnlw.migrate.json;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.JsonOptions;

/**
 * Messages with every field set to a value other than its default, built by walking the
 * descriptors: lists and maps get two items, enums a non-zero value, hex bytes their length.
 * Variants {@code 0 .. variantCount(type) - 1} together set every member of every oneof: the
 * variant number is read as a mixed-radix number, and a oneof of n members below chosen members of
 * oneofs of sizes a, b, ... sets member {@code (variant / (a * b * ...)) mod n}, so that it goes
 * through all its members while the oneofs above it hold each member. A recursive type is filled
 * once more below itself, then left unset.
 */
public final class PopulatedMessages {
  private static final int ITEMS = 2;
  private static final int RECURSION_LEVELS = 2;

  private final int variant;
  private final List<Descriptor> ancestors = new ArrayList<>();

  private PopulatedMessages(int variant) {
    this.variant = variant;
  }

  public static Message populated(Message prototype, int variant) {
    Message.Builder builder = prototype.newBuilderForType();
    new PopulatedMessages(variant).fill(builder, 1);
    return builder.build();
  }

  /** How many variants it takes to set every member of every oneof below {@code type}. */
  static int variantCount(Descriptor type) {
    return variantCount(type, new ArrayList<>());
  }

  private static int variantCount(Descriptor type, List<Descriptor> path) {
    if (path.contains(type)) {
      return 1;
    }
    path.add(type);
    int count = 1;
    for (FieldDescriptor field : type.getFields()) {
      int below =
          field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
              ? variantCount(field.getMessageType(), path)
              : 1;
      OneofDescriptor oneof = field.getRealContainingOneof();
      count = Math.max(count, oneof == null ? below : oneof.getFieldCount() * below);
    }
    path.remove(path.size() - 1);
    return count;
  }

  /**
   * A prototype (default instance of the generated class) of every message type reachable from
   * {@code root}, map entries included.
   */
  static Map<Descriptor, Message> prototypes(Message root) {
    Map<Descriptor, Message> prototypes = new LinkedHashMap<>();
    List<Message> pending = new ArrayList<>(List.of(root));
    while (!pending.isEmpty()) {
      Message prototype = pending.remove(pending.size() - 1);
      if (prototypes.putIfAbsent(prototype.getDescriptorForType(), prototype) == null) {
        for (FieldDescriptor field : prototype.getDescriptorForType().getFields()) {
          if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            pending.add(
                prototype
                    .newBuilderForType()
                    .newBuilderForField(field)
                    .getDefaultInstanceForType());
          }
        }
      }
    }
    return prototypes;
  }

  /** Every field that is set somewhere in {@code message}, nested messages included. */
  static Set<FieldDescriptor> setFields(MessageOrBuilder message) {
    Set<FieldDescriptor> fields = new LinkedHashSet<>();
    for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
      FieldDescriptor field = entry.getKey();
      fields.add(field);
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        List<?> values =
            field.isRepeated()
                ? (List<?>) entry.getValue()
                : Collections.singletonList(entry.getValue());
        values.forEach(value -> fields.addAll(setFields((Message) value)));
      }
    }
    return fields;
  }

  /** {@code divisor}: the product of the sizes of the oneofs above. */
  private void fill(Message.Builder builder, int divisor) {
    Descriptor type = builder.getDescriptorForType();
    Message wellKnown = wellKnownValue(type);
    if (wellKnown != null) {
      builder.mergeFrom(wellKnown);
      return;
    }
    ancestors.add(type);
    for (FieldDescriptor field : type.getFields()) {
      OneofDescriptor oneof = field.getRealContainingOneof();
      int fieldDivisor = divisor;
      if (oneof != null) {
        if (oneof.getField(variant / divisor % oneof.getFieldCount()) != field) {
          continue;
        }
        fieldDivisor *= oneof.getFieldCount();
      }
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && Collections.frequency(ancestors, field.getMessageType()) >= RECURSION_LEVELS) {
        continue;
      }
      if (field.isRepeated()) {
        for (int item = 0; item < ITEMS; item++) {
          builder.addRepeatedField(field, value(builder, field, item, fieldDivisor));
        }
      } else {
        builder.setField(field, value(builder, field, 0, fieldDivisor));
      }
    }
    ancestors.remove(ancestors.size() - 1);
  }

  private Object value(Message.Builder owner, FieldDescriptor field, int item, int divisor) {
    if (field.isMapField()) {
      Message.Builder entry = owner.newBuilderForField(field);
      for (FieldDescriptor entryField : entry.getDescriptorForType().getFields()) {
        entry.setField(entryField, value(entry, entryField, item, divisor));
      }
      return entry.build();
    }
    return switch (field.getType()) {
      case INT32, SINT32, SFIXED32 -> -7 - item;
      case UINT32, FIXED32 -> -2 - item; // above 2^31 when read as unsigned
      case INT64, SINT64, SFIXED64 -> Long.MIN_VALUE + item;
      case UINT64, FIXED64 -> -1L - item; // 2^64 - 1 when read as unsigned
      case FLOAT -> item == 0 ? 0.1f : 16f;
      case DOUBLE -> item == 0 ? 0.1 : 1e21;
      case BOOL -> item == 0;
      case STRING -> field.getName() + "-" + item + "-\u00fc\"";
      case BYTES -> bytes(field, item);
      case ENUM -> enumValue(field, item);
      case MESSAGE, GROUP -> {
        Message.Builder nested = owner.newBuilderForField(field);
        fill(nested, divisor);
        yield nested.build();
      }
    };
  }

  private static ByteString bytes(FieldDescriptor field, int item) {
    int length =
        field.getOptions().hasExtension(JsonOptions.hexBytes)
            ? field.getOptions().getExtension(JsonOptions.hexBytes)
            : 3;
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (0xFB + 3 * i + item); // 0xFB 0xFF ... needs '+' and '/' in base64
    }
    return ByteString.copyFrom(bytes);
  }

  /** A non-zero value; for enums that have none, a number the enum does not declare. */
  private static EnumValueDescriptor enumValue(FieldDescriptor field, int item) {
    List<EnumValueDescriptor> nonZero =
        field.getEnumType().getValues().stream().filter(value -> value.getNumber() != 0).toList();
    return nonZero.isEmpty()
        ? field.getEnumType().findValueByNumberCreatingIfUnknown(99 + item)
        : nonZero.get((nonZero.size() - 1 - item + nonZero.size()) % nonZero.size());
  }

  private static Message wellKnownValue(Descriptor type) {
    return switch (type.getFullName()) {
      case "google.protobuf.Timestamp" ->
          Timestamp.newBuilder().setSeconds(1621597088).setNanos(78114300).build();
      case "google.protobuf.Duration" ->
          Duration.newBuilder().setSeconds(90).setNanos(500_000_000).build();
      case "google.protobuf.Struct" -> struct();
      case "google.protobuf.Value" -> Value.newBuilder().setStructValue(struct()).build();
      case "google.protobuf.ListValue" -> list();
      case "google.protobuf.Any" ->
          Any.pack(
              EndDeviceIdentifiers.newBuilder()
                  .setDeviceId("packed")
                  .setDevEui(ByteString.fromHex("70b3d57ed8000019"))
                  .build());
      default -> null;
    };
  }

  private static Struct struct() {
    return Struct.newBuilder()
        .putFields("number", Value.newBuilder().setNumberValue(1.5).build())
        .putFields("nothing", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
        .putFields("list", Value.newBuilder().setListValue(list()).build())
        .putFields(
            "object",
            Value.newBuilder()
                .setStructValue(
                    Struct.newBuilder()
                        .putFields("flag", Value.newBuilder().setBoolValue(false).build()))
                .build())
        .build();
  }

  private static ListValue list() {
    return ListValue.newBuilder()
        .addValues(Value.newBuilder().setStringValue("text"))
        .addValues(Value.newBuilder().setBoolValue(true))
        .addValues(Value.newBuilder().setNullValue(NullValue.NULL_VALUE))
        .build();
  }
}
