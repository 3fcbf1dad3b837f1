package org.ttnlw.migrate.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.ErrorDetails;

/**
 * Messages with every field set, built from the descriptors, survive write then read unchanged:
 * EndDevice, ErrorDetails and every message type reachable from them.
 */
class RoundTripTest {
  private final TtsJson json = TtsJson.instance();

  static Stream<Arguments> messageTypes() {
    return Stream.of(EndDevice.getDefaultInstance(), ErrorDetails.getDefaultInstance())
        .flatMap(root -> PopulatedMessages.prototypes(root).values().stream())
        .distinct()
        .map(prototype -> Arguments.of(prototype.getDescriptorForType().getFullName(), prototype));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messageTypes")
  void everyVariantOfAFullMessageSurvivesARoundTrip(String name, Message prototype) {
    for (int variant = 0; variant < variantCount(prototype); variant++) {
      Message message = PopulatedMessages.populated(prototype, variant);
      String written = json.toJson(message);
      Message read = json.merge(written, prototype.newBuilderForType()).build();
      assertEquals(message, read, "variant " + variant + ": " + written);
      assertEquals(written, json.toJson(read));
    }
  }

  @Test
  void theVariantsSetEveryFieldOfEveryTypeReachableFromEndDeviceAndErrorDetails() {
    for (Message root :
        new Message[] {EndDevice.getDefaultInstance(), ErrorDetails.getDefaultInstance()}) {
      Set<FieldDescriptor> unset = new LinkedHashSet<>();
      PopulatedMessages.prototypes(root).keySet().forEach(type -> unset.addAll(type.getFields()));
      for (int variant = 0; variant < variantCount(root); variant++) {
        unset.removeAll(PopulatedMessages.setFields(PopulatedMessages.populated(root, variant)));
      }
      assertEquals(Set.of(), unset);
    }
  }

  @Test
  void dynamicMessagesWriteAndReadLikeGeneratedOnes() {
    Descriptor type = EndDevice.getDescriptor();
    for (int variant = 0; variant < variantCount(EndDevice.getDefaultInstance()); variant++) {
      Message generated = PopulatedMessages.populated(EndDevice.getDefaultInstance(), variant);
      String written = json.toJson(generated);
      DynamicMessage dynamic = json.merge(written, DynamicMessage.newBuilder(type)).build();
      assertEquals(written, json.toJson(dynamic));
      assertEquals(generated, EndDevice.newBuilder().mergeFrom(dynamic).build());
    }
  }

  @Test
  void writesFieldsInDeclarationOrder() throws Exception {
    EndDevice device = (EndDevice) PopulatedMessages.populated(EndDevice.getDefaultInstance(), 0);
    Set<String> written = new LinkedHashSet<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json.toJson(device))
        .fieldNames()
        .forEachRemaining(written::add);
    Set<String> declared = new LinkedHashSet<>();
    EndDevice.getDescriptor().getFields().forEach(field -> declared.add(field.getName()));
    assertEquals(String.join(",", declared), String.join(",", written));
    assertEquals(new HashSet<>(declared), written);
  }

  private static int variantCount(Message prototype) {
    return PopulatedMessages.variantCount(prototype.getDescriptorForType());
  }
}
