package org.ttnlw.migrate.tts;

import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.Map;
import java.util.Optional;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;

/**
 * A device's binding to a MAC settings profile, with the {@code EndDevice} field number the source
 * Network Server sent it at (see {@link ProfileIdsField}; protobuf field numbers do not change
 * between releases, so the target's NS takes the same). A device read from a TTS source carries
 * it from the source to the target as that one unknown field, which JSON output leaves out.
 */
public record ProfileBinding(int field, MACSettingsProfileIdentifiers ids) {
  /** The NS Set mask that writes the binding alone. */
  public static final FieldMask MASK = ProfileIdsField.ALONE;

  /** The binding a device carries, if it carries exactly one unknown field that parses as one. */
  public static Optional<ProfileBinding> carriedBy(EndDevice device) {
    Map<Integer, UnknownFieldSet.Field> unknown = device.getUnknownFields().asMap();
    if (unknown.size() != 1) {
      return Optional.empty();
    }
    Map.Entry<Integer, UnknownFieldSet.Field> only = unknown.entrySet().iterator().next();
    if (only.getValue().getLengthDelimitedList().size() != 1) {
      return Optional.empty();
    }
    try {
      MACSettingsProfileIdentifiers ids = MACSettingsProfileIdentifiers.parseFrom(
          only.getValue().getLengthDelimitedList().get(0));
      return ids.getProfileId().isEmpty() ? Optional.empty()
          : Optional.of(new ProfileBinding(only.getKey(), ids));
    } catch (InvalidProtocolBufferException e) {
      return Optional.empty();
    }
  }

  /** The device without any field unknown to {@code EndDevice}, the binding among them. */
  public static EndDevice stripped(EndDevice device) {
    return device.toBuilder().setUnknownFields(UnknownFieldSet.getDefaultInstance()).build();
  }

  public String profileId() {
    return ids.getProfileId();
  }

  /** The same profile ID in another application. */
  public ProfileBinding in(String applicationId) {
    return new ProfileBinding(field, ids.toBuilder()
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId))
        .build());
  }

  /** {@code device} carrying this binding as its one unknown field. */
  public EndDevice carriedIn(EndDevice device) {
    return device.toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(field, UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(ids.toByteString()).build())
        .build()).build();
  }
}
