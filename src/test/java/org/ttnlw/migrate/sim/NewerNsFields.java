package org.ttnlw.migrate.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.util.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;

/**
 * What a Network Server newer than this project's protos adds to its devices: the binding to a MAC
 * settings profile ({@code mac_settings_profile_ids}, TTS 3.34.1), sent at a field number the test
 * chooses since the real one is not in the facts, and any other field a test makes up. A NS that
 * predates the binding (TTS 3.34.1) refuses the path with {@code forbidden_paths}, as the bundled mask table (of
 * v3.32) does not allow it. Thread-safe.
 */
final class NewerNsFields {
  static final String PROFILE_PATH = "mac_settings_profile_ids";

  private final boolean profiles;
  private final boolean binding;
  private final int profileField;
  private final Map<String, MACSettingsProfileIdentifiers> bound = new ConcurrentHashMap<>();
  private final Map<String, UnknownFieldSet> extra = new ConcurrentHashMap<>();
  private final Predicate<MACSettingsProfileIdentifiers> profileExists;

  /**
   * @param profiles whether the NS has profiles (TTS 3.33.0 and later)
   * @param binding whether it binds devices to them (TTS 3.34.1 and later)
   * @param profileField the EndDevice field number of the binding; 0 where no test binds devices
   * @param profileExists whether the NS stores a profile
   */
  NewerNsFields(boolean profiles, boolean binding, int profileField,
      Predicate<MACSettingsProfileIdentifiers> profileExists) {
    this.profiles = profiles;
    this.binding = binding;
    this.profileField = profileField;
    this.profileExists = profileExists;
  }

  boolean servesProfiles() {
    return profiles;
  }

  boolean bindsAtKnownField() {
    return binding && profileField != 0;
  }

  /** Whether a NS Get or Set mask asks for the binding (and this NS knows it). */
  boolean asksBinding(FieldMask mask) {
    return binding && mask.getPathsList().contains(PROFILE_PATH);
  }

  /** The mask without the binding's path, for the validator of the bundled table. */
  static FieldMask withoutBinding(FieldMask mask) {
    List<String> rest = mask.getPathsList().stream()
        .filter(path -> !path.equals(PROFILE_PATH)).toList();
    return FieldMask.newBuilder().addAllPaths(rest).build();
  }

  /**
   * The profile a NS Set that names the binding binds the device to, refused as the NS does: with
   * any {@code mac_settings} path beside it, or naming no stored profile of the device's
   * application.
   */
  MACSettingsProfileIdentifiers bindingOf(EndDevice changes, List<String> otherPaths) {
    if (otherPaths.stream().anyMatch(path -> path.equals("mac_settings")
        || path.startsWith("mac_settings."))) {
      throw TtsError.INVALID_FIELD.toException(Map.of("field", Values.of("mac_settings"),
          "reason", Values.of("mutually exclusive with mac_settings_profile_ids")));
    }
    UnknownFieldSet.Field field = changes.getUnknownFields().getField(profileField);
    try {
      MACSettingsProfileIdentifiers ids = MACSettingsProfileIdentifiers.parseFrom(
          field.getLengthDelimitedList().isEmpty() ? ByteString.EMPTY
              : field.getLengthDelimitedList().get(0));
      if (!profileExists.test(ids) || !ids.getApplicationIds().getApplicationId()
          .equals(changes.getIds().getApplicationIds().getApplicationId())) {
        throw TtsError.INVALID_FIELD.toException(Map.of("field",
            Values.of(PROFILE_PATH), "reason", Values.of("no such profile")));
      }
      return ids;
    } catch (InvalidProtocolBufferException e) {
      throw TtsError.INVALID_FIELD.toException(Map.of("field", Values.of(PROFILE_PATH),
          "reason", Values.of("not MACSettingsProfileIdentifiers")));
    }
  }

  void bind(String applicationId, String deviceId, MACSettingsProfileIdentifiers profile) {
    bound.put(key(applicationId, deviceId), profile);
  }

  Optional<MACSettingsProfileIdentifiers> binding(String applicationId, String deviceId) {
    return Optional.ofNullable(bound.get(key(applicationId, deviceId)));
  }

  /** Every NS answer for the device carries this field, unknown to the project's EndDevice. */
  void addField(String applicationId, String deviceId, int number, ByteString value) {
    extra.merge(key(applicationId, deviceId), UnknownFieldSet.newBuilder()
        .addField(number, UnknownFieldSet.Field.newBuilder().addLengthDelimited(value).build())
        .build(), (old, added) -> old.toBuilder().mergeFrom(added).build());
  }

  /** The NS's answer with the fields it adds: the binding only where the mask asked for it. */
  EndDevice answer(EndDevice selected, boolean withBinding) {
    EndDeviceIdentifiers ids = selected.getIds();
    String key = key(ids.getApplicationIds().getApplicationId(), ids.getDeviceId());
    UnknownFieldSet.Builder fields = UnknownFieldSet.newBuilder();
    Optional.ofNullable(extra.get(key)).ifPresent(fields::mergeFrom);
    MACSettingsProfileIdentifiers profile = bound.get(key);
    if (withBinding && profile != null) {
      fields.addField(profileField, UnknownFieldSet.Field.newBuilder()
          .addLengthDelimited(profile.toByteString()).build());
    }
    return selected.toBuilder().setUnknownFields(fields.build()).build();
  }

  private static String key(String applicationId, String deviceId) {
    return applicationId + "/" + deviceId;
  }
}
