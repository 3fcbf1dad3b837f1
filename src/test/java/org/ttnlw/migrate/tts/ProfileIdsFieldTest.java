package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.UnknownFieldSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;

/** Learning the number of {@code mac_settings_profile_ids} from the NS's own answers. */
class ProfileIdsFieldTest {
  private static final DeviceRef REF = new DeviceRef("my-app", "my-device");

  private static MACSettingsProfileIdentifiers profile(String applicationId) {
    return MACSettingsProfileIdentifiers.newBuilder()
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(applicationId))
        .setProfileId("class-b").build();
  }

  private static EndDevice withFields(EndDevice device, int... numbersThenProfile) {
    UnknownFieldSet.Builder fields = UnknownFieldSet.newBuilder();
    for (int number : numbersThenProfile) {
      fields.addField(number, UnknownFieldSet.Field.newBuilder()
          .addLengthDelimited(profile("my-app").toByteString()).build());
    }
    return device.toBuilder().setUnknownFields(fields.build()).build();
  }

  private static EndDevice ids() {
    return EndDevice.newBuilder().setIds(DeviceRegistries.ids(REF)).build();
  }

  private static DevicePart part(ProfileIdsField field, EndDevice answer, EndDevice probed,
      AtomicInteger probes) {
    try {
      return field.part(REF, answer, () -> {
        probes.incrementAndGet();
        return CompletableFuture.completedFuture(probed);
      }, "device " + REF).join();
    } catch (CompletionException e) {
      throw (RuntimeException) e.getCause();
    }
  }

  @Test
  void theOneUnknownFieldOfAGetOfThePathAloneIsTheBindingAndIsAskedOnce() {
    ProfileIdsField field = new ProfileIdsField("source");
    AtomicInteger probes = new AtomicInteger();
    EndDevice answer = withFields(ids().toBuilder()
        .setMacSettings(MACSettings.getDefaultInstance()).build(), 203);

    DevicePart first = part(field, answer, withFields(ids(), 203), probes);
    DevicePart second = part(field, answer, EndDevice.getDefaultInstance(), probes);

    assertEquals(Optional.of(profile("my-app")), first.profile());
    assertEquals(first, second);
    assertTrue(first.device().getUnknownFields().asMap().isEmpty());
    assertEquals(1, probes.get());
  }

  @Test
  void aDeviceWithoutUnknownFieldsIsNeverProbed() {
    AtomicInteger probes = new AtomicInteger();
    DevicePart part = part(new ProfileIdsField("source"), ids(), ids(), probes);
    assertEquals(Optional.empty(), part.profile());
    assertEquals(0, probes.get());
  }

  @Test
  void twoUnknownFieldsInTheProbeCannotBeToldApart() {
    MigrationException refused = assertThrows(MigrationException.class, () ->
        part(new ProfileIdsField("source"), withFields(ids(), 57, 58),
            withFields(ids(), 57, 58), new AtomicInteger()));
    assertTrue(refused.getMessage().contains("[57, 58]"), refused.getMessage());
  }

  @Test
  void aFieldThatIsNotAProfileOfTheDevicesApplicationIsRefused() {
    EndDevice other = ids().toBuilder().setUnknownFields(UnknownFieldSet.newBuilder()
        .addField(60, UnknownFieldSet.Field.newBuilder()
            .addLengthDelimited(profile("other-app").toByteString()).build()).build()).build();
    MigrationException refused = assertThrows(MigrationException.class, () ->
        part(new ProfileIdsField("source"), other, other, new AtomicInteger()));
    assertTrue(refused.getMessage().contains("field 60"), refused.getMessage());
  }

  @Test
  void anyOtherUnknownFieldIsRefusedNamingItsNumberAndPlace() {
    ProfileIdsField field = new ProfileIdsField("source");
    EndDevice answer = withFields(ids(), 58).toBuilder().setMacSettings(MACSettings.newBuilder()
        .setUnknownFields(UnknownFieldSet.newBuilder().addField(99, UnknownFieldSet.Field
            .newBuilder().addVarint(1).build()).build())).build();
    MigrationException refused = assertThrows(MigrationException.class, () ->
        part(field, answer, withFields(ids(), 58), new AtomicInteger()));
    assertTrue(refused.getMessage().contains("field 99 of MACSettings at mac_settings"),
        refused.getMessage());
  }

  @Test
  void unknownFieldsAreListedAtEveryDepth() {
    EndDevice device = withFields(ids(), 70).toBuilder().setMacSettings(MACSettings.newBuilder()
        .setUnknownFields(UnknownFieldSet.newBuilder().addField(99, UnknownFieldSet.Field
            .newBuilder().addFixed32(1).build()).build())).build();
    assertEquals(List.of("field 70 of EndDevice", "field 99 of MACSettings at mac_settings"),
        UnknownFields.in(device));
    assertEquals(List.of(), UnknownFields.in(ids()));
  }
}
