package org.ttnlw.migrate.tts;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;

/**
 * The device's {@code mac_settings_profile_ids} (TTS 3.34.1), whose field number this tool's
 * {@code EndDevice} does not have: it is never guessed but learnt from the Network Server. A NS Get
 * whose mask is only that path answers the device's ids and that one field; the one field of such
 * an answer that {@code EndDevice} does not know is it, provided it parses as the identifiers of a
 * profile of the device's own application. A NS that refuses the path ({@code forbidden_paths})
 * predates profiles: no device of it is bound to one, and the path is not asked again.
 */
final class ProfileIdsField {
  static final String PATH = "mac_settings_profile_ids";
  static final FieldMask ALONE = FieldMask.newBuilder().addPaths(PATH).build();
  private static final Logger log = LoggerFactory.getLogger(ProfileIdsField.class);

  private final String deployment;
  private final AtomicBoolean refused = new AtomicBoolean();
  private volatile int number;

  /** @param deployment "source" or "target", for messages */
  ProfileIdsField(String deployment) {
    this.deployment = deployment;
  }

  /** The learnt field number, 0 until a bound device's answer told it. */
  int number() {
    return number;
  }

  /** The NS Get mask: {@code base} and the path, unless the NS refused it. */
  FieldMask withPath(FieldMask base) {
    return refused.get() ? base : base.toBuilder().addPaths(PATH).build();
  }

  /** Whether {@code failure} is the NS refusing the path; it is then left out from now on. */
  boolean refusedBy(Throwable failure) {
    if (!(Futures.unwrap(failure) instanceof TtsCallException call)
        || !call.forbiddenPaths().contains(PATH)) {
      return false;
    }
    if (refused.compareAndSet(false, true)) {
      log.warn("the {} Network Server refuses the field-mask path {}: it predates MAC settings"
          + " profiles (TTS 3.34.1), so none of its devices is bound to one", deployment, PATH);
    }
    return true;
  }

  /**
   * The NS's part of a device, with the profile it is bound to taken out of the answer's unknown
   * fields. Where the answer carries a field unknown to {@code EndDevice} before the number is
   * learnt, {@code probe} (a NS Get of {@link #ALONE}) is asked once to learn it. Fails when the
   * answer carries any other unknown field.
   */
  CompletableFuture<DevicePart> part(DeviceRef ref, EndDevice answer,
      Supplier<CompletableFuture<EndDevice>> probe, String what) {
    if (number != 0 || answer.getUnknownFields().asMap().isEmpty()) {
      return CompletableFuture.completedFuture(split(ref, answer, what));
    }
    return probe.get().thenApply(probed -> {
      learn(ref, probed, what);
      return split(ref, answer, what);
    });
  }

  private void learn(DeviceRef ref, EndDevice probed, String what) {
    Map<Integer, UnknownFieldSet.Field> unknown = probed.getUnknownFields().asMap();
    if (unknown.isEmpty()) {
      return;
    }
    if (unknown.size() > 1) {
      throw new MigrationException(what + ": the Network Server answered fields "
          + unknown.keySet() + " unknown to this tool to a Get of " + PATH + " alone, so which"
          + " one holds the profile cannot be told; refused rather than exported without them");
    }
    Map.Entry<Integer, UnknownFieldSet.Field> only = unknown.entrySet().iterator().next();
    parse(ref, only.getKey(), only.getValue(), what);
    if (number == 0) {
      number = only.getKey();
      log.debug("the {} Network Server sends {} as field {} of EndDevice", deployment, PATH,
          number);
    }
  }

  private DevicePart split(DeviceRef ref, EndDevice answer, String what) {
    UnknownFieldSet unknown = answer.getUnknownFields();
    int field = number;
    if (field == 0 || !unknown.hasField(field)) {
      UnknownFields.refuse(answer, what + ": the Network Server's answer");
      return new DevicePart(TtsServer.NETWORK_SERVER, answer);
    }
    MACSettingsProfileIdentifiers profile = parse(ref, field, unknown.getField(field), what);
    EndDevice device = answer.toBuilder()
        .setUnknownFields(UnknownFieldSet.newBuilder(unknown).clearField(field).build()).build();
    UnknownFields.refuse(device, what + ": the Network Server's answer");
    return new DevicePart(TtsServer.NETWORK_SERVER, device, Optional.of(profile));
  }

  private static MACSettingsProfileIdentifiers parse(DeviceRef ref, int field,
      UnknownFieldSet.Field value, String what) {
    List<ByteString> bytes = value.getLengthDelimitedList();
    MigrationException notProfile = new MigrationException(what + ": field " + field
        + " of the Network Server's answer is unknown to this tool and is not the identifiers of"
        + " a MAC settings profile of application " + ref.applicationId() + "; refused rather"
        + " than exported without it");
    if (bytes.size() != 1 || value.getVarintList().size() + value.getFixed32List().size()
        + value.getFixed64List().size() + value.getGroupList().size() != 0) {
      throw notProfile;
    }
    try {
      MACSettingsProfileIdentifiers ids = MACSettingsProfileIdentifiers.parseFrom(bytes.get(0));
      if (!ids.getUnknownFields().asMap().isEmpty() || ids.getProfileId().isEmpty()
          || !ids.getApplicationIds().getApplicationId().equals(ref.applicationId())) {
        throw notProfile;
      }
      return ids;
    } catch (InvalidProtocolBufferException e) {
      throw notProfile;
    }
  }
}
