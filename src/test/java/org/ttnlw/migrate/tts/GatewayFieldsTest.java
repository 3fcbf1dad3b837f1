package org.ttnlw.migrate.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ContactInfo;
import org.ttnlw.migrate.proto.DownlinkPathConstraint;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAntenna;
import org.ttnlw.migrate.proto.GatewayClaimAuthenticationCode;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GatewayVersionIdentifiers;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.Secret;
import org.ttnlw.migrate.proto.UserIdentifiers;

/** The gateway field table of the facts, row by row. */
class GatewayFieldsTest {
  private static final Set<String> COPIED = Set.of("ids", "name", "description", "attributes",
      "version_ids", "auto_update", "update_channel", "frequency_plan_ids", "antennas",
      "status_public", "location_public", "schedule_downlink_late", "enforce_duty_cycle",
      "downlink_path_constraint", "schedule_anytime_delay", "update_location_from_status",
      "require_authenticated_connection", "lrfhss", "disable_packet_broker_forwarding");
  private static final Set<String> NEVER = Set.of("contact_info", "administrative_contact",
      "technical_contact", "gateway_server_address", "frequency_plan_id", "lbs_lns_secret",
      "target_cups_uri", "target_cups_key", "created_at", "updated_at", "deleted_at");

  private final GatewayFields fields = GatewayFields.bundled();

  /** Every field of the message set, so each row is seen to act. */
  private static Gateway everyFieldSet() {
    Secret secret = Secret.newBuilder().setKeyId("k").setValue(ByteString.copyFromUtf8("NNSXS.x"))
        .build();
    Timestamp time = Timestamp.newBuilder().setSeconds(1_700_000_000).build();
    OrganizationOrUserIdentifiers alice = OrganizationOrUserIdentifiers.newBuilder()
        .setUserIds(UserIdentifiers.newBuilder().setUserId("alice")).build();
    return Gateway.newBuilder()
        .setIds(GatewayIdentifiers.newBuilder().setGatewayId("gw-1")
            .setEui(ByteString.copyFrom(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
        .setCreatedAt(time).setUpdatedAt(time).setDeletedAt(time)
        .setName("Roof").setDescription("On the roof").putAttributes("site", "north")
        .addContactInfo(ContactInfo.newBuilder().setValue("ops@example.com"))
        .setAdministrativeContact(alice).setTechnicalContact(alice)
        .setVersionIds(GatewayVersionIdentifiers.newBuilder().setBrandId("kerlink"))
        .setGatewayServerAddress("eu1.cloud.thethings.network").setAutoUpdate(true)
        .setUpdateChannel("stable").setFrequencyPlanId("EU_863_870_TTN")
        .addFrequencyPlanIds("EU_863_870_TTN")
        .addAntennas(GatewayAntenna.newBuilder().setGain(3)
            .setLocation(Location.newBuilder().setLatitude(52.1).setLongitude(4.3)))
        .setStatusPublic(true).setLocationPublic(true).setScheduleDownlinkLate(true)
        .setEnforceDutyCycle(true)
        .setDownlinkPathConstraint(DownlinkPathConstraint.DOWNLINK_PATH_CONSTRAINT_NEVER)
        .setScheduleAnytimeDelay(Duration.newBuilder().setNanos(530_000_000))
        .setUpdateLocationFromStatus(true).setLbsLnsSecret(secret)
        .setClaimAuthenticationCode(GatewayClaimAuthenticationCode.newBuilder().setSecret(secret))
        .setTargetCupsUri("https://cups.example.com").setTargetCupsKey(secret)
        .setRequireAuthenticatedConnection(true)
        .setLrfhss(Gateway.LRFHSS.newBuilder().setSupported(true))
        .setDisablePacketBrokerForwarding(true)
        .build();
  }

  @Test
  void everyFieldOfTheMessageIsSetInTheSample() {
    Gateway gateway = everyFieldSet();
    for (FieldDescriptor field : Gateway.getDescriptor().getFields()) {
      assertTrue(field.isRepeated() ? gateway.getRepeatedFieldCount(field) > 0
          : gateway.hasField(field), field.getName());
    }
  }

  @Test
  void eachRowOfTheTableSaysWhatMoves() {
    for (FieldDescriptor field : Gateway.getDescriptor().getFields()) {
      GatewayFields.Export expected = COPIED.contains(field.getName()) ? GatewayFields.Export.COPY
          : NEVER.contains(field.getName()) ? GatewayFields.Export.NEVER
          : GatewayFields.Export.SECRET;
      assertEquals(expected, fields.export(field.getName()), field.getName());
    }
    assertEquals(GatewayFields.Export.SECRET, fields.export("claim_authentication_code"));
  }

  @Test
  void theExportCarriesTheCopiedFieldsAndNoneOfTheOthers() {
    Gateway exported = fields.exported(everyFieldSet(), false);
    for (FieldDescriptor field : Gateway.getDescriptor().getFields()) {
      boolean present = field.isRepeated() ? exported.getRepeatedFieldCount(field) > 0
          : exported.hasField(field);
      assertEquals(COPIED.contains(field.getName()), present, field.getName());
    }
  }

  @Test
  void theClaimAuthenticationCodeMovesOnlyWhenSecretsAreAskedFor() {
    assertFalse(fields.exported(everyFieldSet(), false).hasClaimAuthenticationCode());
    assertTrue(fields.exported(everyFieldSet(), true).hasClaimAuthenticationCode());
    assertFalse(fields.readMask(false).getPathsList().contains("claim_authentication_code"));
    assertTrue(fields.readMask(true).getPathsList().contains("claim_authentication_code"));
  }

  @Test
  void theReadMaskAsksForWhatMovesAndIsAllowedByGet() {
    List<String> mask = fields.readMask(false).getPathsList();
    assertEquals(COPIED, Set.copyOf(mask));
    Set<String> allowed = FieldMaskTable.bundled().allowed("ttn.lorawan.v3.GatewayRegistry/Get");
    assertTrue(allowed.containsAll(fields.readMask(true).getPathsList()), allowed.toString());
  }

  @Test
  void everyNeverRowSaysWhy() {
    for (String field : NEVER) {
      assertFalse(fields.reason(field).isBlank(), field);
    }
  }
}
