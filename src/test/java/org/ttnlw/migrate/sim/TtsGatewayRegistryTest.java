package org.ttnlw.migrate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.sim.TtsErrorAssertions.assertTtsError;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.Timestamps;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ttnlw.migrate.proto.APIKey;
import org.ttnlw.migrate.proto.CreateGatewayRequest;
import org.ttnlw.migrate.proto.ErrorDetails;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAntenna;
import org.ttnlw.migrate.proto.GatewayClaimAuthenticationCode;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc.GatewayRegistryBlockingStub;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.Gateways;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.GetGatewayIdentifiersForEUIRequest;
import org.ttnlw.migrate.proto.GetGatewayRequest;
import org.ttnlw.migrate.proto.ListGatewaysRequest;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.Secret;
import org.ttnlw.migrate.proto.UpdateGatewayRequest;
import org.ttnlw.migrate.proto.UserIdentifiers;

/** The simulator's GatewayRegistry through the generated stubs, rule by rule. */
class TtsGatewayRegistryTest {
  private static final String DEVICE_KEY = "NNSXS.DEVICES.KEY";
  private static final String ALICE = "user:alice";
  private static final String ALICE_KEY = "NNSXS.ALICE.ALL";
  private static final String ALICE_READER_KEY = "NNSXS.ALICE.READER";
  private static final String ALICE_EDITOR_KEY = "NNSXS.ALICE.EDITOR";
  private static final String BOB_KEY = "NNSXS.BOB.ALL";
  private static final Gateway UDP = SampleGateways.udp();
  private static final Gateway STATION = SampleGateways.basicsStation();

  private TtsSimulator simulator;
  private SimulatorClient alice;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(DEVICE_KEY).start();
    simulator.addGatewayKey(ALICE_KEY, ALICE, Set.of(Right.RIGHT_ALL));
    simulator.addGatewayKey(ALICE_READER_KEY, ALICE,
        Set.of(Right.RIGHT_USER_GATEWAYS_LIST, Right.RIGHT_GATEWAY_INFO));
    simulator.addGatewayKey(ALICE_EDITOR_KEY, ALICE,
        Set.of(Right.RIGHT_GATEWAY_INFO, Right.RIGHT_GATEWAY_SETTINGS_BASIC));
    simulator.addGatewayKey(BOB_KEY, "user:bob", Set.of(Right.RIGHT_ALL));
    simulator.addGateway(UDP, ALICE);
    simulator.addGateway(STATION, ALICE);
    alice = SimulatorClient.plaintext(simulator, ALICE_KEY);
  }

  @AfterEach
  void stop() throws Exception {
    alice.close();
    simulator.close();
  }

  @Test
  void createStoresTheGatewayWithTheCollaboratorAsContactsAndPlansFromTheDeprecatedField() {
    Gateway created = alice.gatewayRegistry().create(create(
        Gateway.newBuilder().setIds(ids("new-gateway", "0016C001FF10A235"))
            .setName("New").setFrequencyPlanId("EU_863_870_TTN").build(), ALICE));

    assertEquals(List.of("EU_863_870_TTN"), created.getFrequencyPlanIdsList());
    assertEquals("alice", created.getAdministrativeContact().getUserIds().getUserId());
    assertEquals("alice", created.getTechnicalContact().getUserIds().getUserId());
    assertTrue(created.hasCreatedAt());
    assertEquals(created, simulator.gateway("new-gateway").orElseThrow());
  }

  @Test
  void createRefusesAContactThatIsNotTheCollaborator() {
    Gateway gateway = Gateway.newBuilder().setIds(ids("new-gateway", "0016C001FF10A235"))
        .setTechnicalContact(user("bob")).build();

    ErrorDetails error = assertTtsError(Status.Code.INVALID_ARGUMENT,
        "pkg/identityserver:contact_no_collaborator",
        () -> alice.gatewayRegistry().create(create(gateway, ALICE)));

    assertEquals("bob", error.getAttributes().getFieldsOrThrow("contact").getStringValue());
    assertTrue(simulator.gateway("new-gateway").isEmpty());
  }

  @Test
  void createNeedsACollaboratorThatTheKeySpeaksForWithTheCreateRight() throws Exception {
    Gateway gateway = Gateway.newBuilder().setIds(ids("new-gateway", "0016C001FF10A235")).build();
    assertTtsError(Status.Code.INVALID_ARGUMENT, "pkg/ttnpb:validation",
        () -> alice.gatewayRegistry().create(
            CreateGatewayRequest.newBuilder().setGateway(gateway).build()));
    assertMissing(Right.RIGHT_USER_GATEWAYS_CREATE,
        () -> alice.gatewayRegistry().create(create(gateway, "user:bob")));
    try (SimulatorClient reader = SimulatorClient.plaintext(simulator, ALICE_READER_KEY)) {
      assertMissing(Right.RIGHT_USER_GATEWAYS_CREATE,
          () -> reader.gatewayRegistry().create(create(gateway, ALICE)));
    }
    assertTrue(simulator.gateway("new-gateway").isEmpty());
  }

  @Test
  void createWithTheEuiOfALiveGatewayFailsNamingItsHolder() {
    Gateway twin = Gateway.newBuilder().setIds(UDP.getIds().toBuilder().setGatewayId("twin"))
        .build();

    ErrorDetails error = assertTtsError(Status.Code.ALREADY_EXISTS,
        "pkg/identityserver:gateway_eui_taken",
        () -> alice.gatewayRegistry().create(create(twin, ALICE)));

    var attributes = error.getAttributes().getFieldsMap();
    assertEquals("00800000A00016B2", attributes.get("gateway_eui").getStringValue());
    assertEquals(UDP.getIds().getGatewayId(), attributes.get("gateway_id").getStringValue());
    assertEquals("alice", attributes.get("administrative_contact").getStringValue());
  }

  @Test
  void aSoftDeletedGatewayFreesItsEuiButKeepsItsIdTaken() {
    alice.gatewayRegistry().delete(UDP.getIds());

    Gateway sameEui = Gateway.newBuilder()
        .setIds(UDP.getIds().toBuilder().setGatewayId("eui-00800000a00016b2")).build();
    alice.gatewayRegistry().create(create(sameEui, ALICE));
    Gateway sameId = Gateway.newBuilder().setIds(ids(UDP.getIds().getGatewayId(), "")).build();
    assertTtsError(Status.Code.ALREADY_EXISTS, "pkg/util/store:id_taken",
        () -> alice.gatewayRegistry().create(create(sameId, ALICE)));
  }

  @Test
  void createRefusesAClaimCodeWithoutSecretOrValidityBackwards() {
    Gateway noSecret = Gateway.newBuilder().setIds(ids("new-gateway", ""))
        .setClaimAuthenticationCode(GatewayClaimAuthenticationCode.getDefaultInstance()).build();
    Gateway backwards = noSecret.toBuilder().setClaimAuthenticationCode(
        GatewayClaimAuthenticationCode.newBuilder()
            .setSecret(Secret.newBuilder().setValue(ByteString.copyFromUtf8("code")))
            .setValidFrom(Timestamps.fromSeconds(2000)).setValidTo(Timestamps.fromSeconds(1000)))
        .build();

    for (Gateway gateway : List.of(noSecret, backwards)) {
      assertTtsError(Status.Code.INVALID_ARGUMENT, "pkg/identityserver:claim_authentication_code",
          () -> alice.gatewayRegistry().create(create(gateway, ALICE)));
    }
  }

  @Test
  void createRefusesAnIdOutsideThePattern() {
    Gateway gateway = Gateway.newBuilder().setIds(ids("Bad_ID", "")).build();
    assertTtsError(Status.Code.INVALID_ARGUMENT, "pkg/ttnpb:validation",
        () -> alice.gatewayRegistry().create(create(gateway, ALICE)));
  }

  @Test
  void getAnswersTheMaskedFieldsBesideIdentifiersAndTimestamps() {
    Gateway answer = alice.gatewayRegistry().get(get(UDP, "name", "frequency_plan_id"));

    assertEquals(Gateway.newBuilder().setIds(UDP.getIds()).setCreatedAt(UDP.getCreatedAt())
        .setUpdatedAt(UDP.getUpdatedAt()).setName(UDP.getName())
        .setFrequencyPlanId("EU_863_870_TTN").addFrequencyPlanIds("EU_863_870_TTN").build(),
        answer);
    ErrorDetails error = assertTtsError(Status.Code.INVALID_ARGUMENT,
        "pkg/rpcmiddleware/validator:field_mask_paths",
        () -> alice.gatewayRegistry().get(get(UDP, "name", "location")));
    assertEquals("location", error.getAttributes().getFieldsOrThrow("forbidden_paths")
        .getListValue().getValues(0).getStringValue());
  }

  @Test
  void getOfASecretNeedsReadSecretsAndAnswersItInPlain() throws Exception {
    Gateway answer = alice.gatewayRegistry().get(get(STATION, "lbs_lns_secret"));
    assertEquals(SampleGateways.BASICS_STATION_LNS_KEY,
        answer.getLbsLnsSecret().getValue().toStringUtf8());

    try (SimulatorClient reader = SimulatorClient.plaintext(simulator, ALICE_READER_KEY)) {
      for (String secret : List.of("lbs_lns_secret.value", "claim_authentication_code",
          "target_cups_key")) {
        assertMissing(Right.RIGHT_GATEWAY_READ_SECRETS,
            () -> reader.gatewayRegistry().get(get(STATION, "name", secret)));
      }
    }
  }

  @Test
  void getWithoutGatewayInfoAnswersOnlyAMaskOfPublicFieldsPublicSafe() throws Exception {
    simulator.addGatewayKey("NNSXS.ALICE.LIST", ALICE, Set.of(Right.RIGHT_USER_GATEWAYS_LIST));
    try (SimulatorClient lister = SimulatorClient.plaintext(simulator, "NNSXS.ALICE.LIST")) {
      Gateway answer = lister.gatewayRegistry().get(
          get(STATION, "name", "gateway_server_address", "antennas"));
      assertEquals(STATION.getName(), answer.getName());
      assertEquals("", answer.getGatewayServerAddress(), "status_public is off");

      assertMissing(Right.RIGHT_GATEWAY_INFO,
          () -> lister.gatewayRegistry().get(get(STATION, "name", "attributes")));
    }
  }

  @Test
  void getOfAnUnknownOrDeletedGatewayIsNotFound() {
    alice.gatewayRegistry().delete(UDP.getIds());
    for (Gateway gateway : List.of(UDP, Gateway.newBuilder().setIds(ids("nobody", "")).build())) {
      ErrorDetails error = assertTtsError(Status.Code.NOT_FOUND,
          "pkg/identityserver/store:gateway_not_found",
          () -> alice.gatewayRegistry().get(get(gateway, "name")));
      assertEquals(gateway.getIds().getGatewayId(),
          error.getAttributes().getFieldsOrThrow("gateway_id").getStringValue());
    }
  }

  @Test
  void identifiersForAnEuiNameTheLiveGatewayOnly() throws Exception {
    try (SimulatorClient bob = SimulatorClient.plaintext(simulator, BOB_KEY)) {
      GetGatewayIdentifiersForEUIRequest byEui = GetGatewayIdentifiersForEUIRequest.newBuilder()
          .setEui(UDP.getIds().getEui()).build();
      assertEquals(UDP.getIds(), bob.gatewayRegistry().getIdentifiersForEUI(byEui));

      alice.gatewayRegistry().delete(UDP.getIds());
      assertTtsError(Status.Code.NOT_FOUND, "pkg/identityserver/store:gateway_not_found_by_eui",
          () -> bob.gatewayRegistry().getIdentifiersForEUI(byEui));
    }
  }

  @Test
  void listPagesTheCallersGatewaysByIdWithTheTotalInAHeader() {
    for (int i = 0; i < 23; i++) {
      simulator.addGateway(Gateway.newBuilder().setIds(ids(String.format("gw-%02d", i), ""))
          .build(), ALICE);
    }

    Gateways third = alice.gatewayRegistry().list(list(10, 3, "name"));
    assertEquals("25", alice.lastHeader("x-total-count"));
    assertEquals(List.of("gw-20", "gw-21", "gw-22", "multitech-conduit-roof", "rak7268-warehouse"),
        third.getGatewaysList().stream().map(gateway -> gateway.getIds().getGatewayId()).toList());
    assertEquals(GatewayServices.DEFAULT_PAGE_SIZE,
        alice.gatewayRegistry().list(list(0, 0, "name")).getGatewaysCount(),
        "a List without limit answers one default-sized page");
  }

  @Test
  void listLeavesSecretsSilentlyEmptyWithoutReadSecrets() throws Exception {
    try (SimulatorClient reader = SimulatorClient.plaintext(simulator, ALICE_READER_KEY)) {
      Gateways answer = reader.gatewayRegistry().list(list(0, 0, "name", "lbs_lns_secret"));

      assertEquals(2, answer.getGatewaysCount());
      answer.getGatewaysList().forEach(gateway -> assertFalse(gateway.hasLbsLnsSecret()));
    }
    Gateway station = alice.gatewayRegistry().list(list(0, 0, "lbs_lns_secret"))
        .getGatewaysList().stream().filter(gateway -> gateway.getIds().equals(STATION.getIds()))
        .findFirst().orElseThrow();
    assertEquals(STATION.getLbsLnsSecret(), station.getLbsLnsSecret());
  }

  @Test
  void listCoversTheGatewaysOfTheKeysOwnerOnly() throws Exception {
    try (SimulatorClient bob = SimulatorClient.plaintext(simulator, BOB_KEY)) {
      bob.gatewayRegistry().create(create(
          Gateway.newBuilder().setIds(ids("bobs-gateway", "")).build(), "user:bob"));
      assertEquals(List.of("bobs-gateway"), bob.gatewayRegistry().list(list(0, 0, "name"))
          .getGatewaysList().stream().map(gateway -> gateway.getIds().getGatewayId()).toList());
      assertMissing(Right.RIGHT_USER_GATEWAYS_LIST, () -> bob.gatewayRegistry().list(
          list(0, 0, "name").toBuilder().setCollaborator(user("alice")).build()));
    }
    try (SimulatorClient editor = SimulatorClient.plaintext(simulator, ALICE_EDITOR_KEY)) {
      assertMissing(Right.RIGHT_USER_GATEWAYS_LIST,
          () -> editor.gatewayRegistry().list(list(0, 0, "name")));
    }
  }

  @Test
  void aUserReachesTheGatewaysOfItsOrganizationsWithTheRightsOfItsMembership() throws Exception {
    simulator.addGateway(Gateway.newBuilder().setIds(ids("acme-gateway", "")).build(),
        "organization:acme");
    simulator.addOrganizationMember("organization:acme", ALICE,
        Set.of(Right.RIGHT_GATEWAY_INFO));

    assertEquals(List.of("acme-gateway", "multitech-conduit-roof", "rak7268-warehouse"),
        alice.gatewayRegistry().list(list(0, 0, "name")).getGatewaysList().stream()
            .map(gateway -> gateway.getIds().getGatewayId()).toList());
    assertEquals(2, alice.gatewayRegistry().list(list(0, 0, "name").toBuilder()
        .setCollaborator(user("alice")).build()).getGatewaysCount(),
        "naming the user as collaborator leaves its organizations out");
    Gateway acme = Gateway.newBuilder().setIds(ids("acme-gateway", "")).build();
    assertEquals("acme-gateway", alice.gatewayRegistry().get(get(acme, "attributes"))
        .getIds().getGatewayId());
    assertMissing(Right.RIGHT_GATEWAY_SETTINGS_BASIC,
        () -> alice.gatewayRegistry().update(update(acme, "name")));
  }

  @Test
  void listWithDeletedAnswersTheSoftDeletedOnes() {
    alice.gatewayRegistry().delete(UDP.getIds());

    Gateways deleted = alice.gatewayRegistry().list(
        list(0, 0, "deleted_at").toBuilder().setDeleted(true).build());

    assertEquals(List.of(UDP.getIds()),
        deleted.getGatewaysList().stream().map(Gateway::getIds).toList());
    assertTrue(deleted.getGateways(0).hasDeletedAt());
  }

  @Test
  void updateSetsTheMaskedFieldsAndLeavesTheRest() {
    Gateway answer = alice.gatewayRegistry().update(update(
        UDP.toBuilder().setName("Renamed").clearDescription()
            .setIds(UDP.getIds().toBuilder().setEui(ByteString.fromHex("0000000000000001")))
            .setCreatedAt(Timestamps.fromSeconds(1)).build(),
        "name", "description", "ids.eui", "created_at"));

    Gateway stored = simulator.gateway(UDP.getIds().getGatewayId()).orElseThrow();
    assertEquals("Renamed", stored.getName());
    assertEquals("", stored.getDescription());
    assertEquals(UDP.getIds(), stored.getIds(), "ids are not updated");
    assertEquals(UDP.getCreatedAt(), stored.getCreatedAt(), "created_at is not updated");
    assertEquals(UDP.getAntennasList(), stored.getAntennasList());
    assertNotEquals(UDP.getUpdatedAt(), stored.getUpdatedAt());
    assertEquals("Renamed", answer.getName());
    assertEquals(0, answer.getAntennasCount(), "the answer holds the masked fields");
  }

  @Test
  void updateWithAnEmptyMaskChangesNothing() {
    Gateway before = simulator.gateway(UDP.getIds().getGatewayId()).orElseThrow();

    alice.gatewayRegistry().update(update(UDP.toBuilder().setName("Renamed").build()));

    assertEquals(before, simulator.gateway(UDP.getIds().getGatewayId()).orElseThrow());
  }

  @Test
  void updateOfFrequencyPlanIdWritesThePlanList() {
    alice.gatewayRegistry().update(update(
        UDP.toBuilder().setFrequencyPlanId("EU_863_870").build(), "frequency_plan_id"));

    Gateway stored = simulator.gateway(UDP.getIds().getGatewayId()).orElseThrow();
    assertEquals(List.of("EU_863_870"), stored.getFrequencyPlanIdsList());
    assertEquals("EU_863_870", stored.getFrequencyPlanId());
  }

  @Test
  void updateOfASecretNeedsWriteSecretsAndReturnsItInPlain() throws Exception {
    Secret secret = Secret.newBuilder().setValue(ByteString.copyFromUtf8("NNSXS.NEW.KEY")).build();
    Gateway changed = STATION.toBuilder().setLbsLnsSecret(secret).build();
    try (SimulatorClient editor = SimulatorClient.plaintext(simulator, ALICE_EDITOR_KEY)) {
      assertMissing(Right.RIGHT_GATEWAY_WRITE_SECRETS,
          () -> editor.gatewayRegistry().update(update(changed, "name", "lbs_lns_secret")));
    }
    assertEquals(STATION.getLbsLnsSecret(),
        simulator.gateway(STATION.getIds().getGatewayId()).orElseThrow().getLbsLnsSecret());

    Gateway answer = alice.gatewayRegistry().update(update(changed, "lbs_lns_secret"));
    assertEquals(secret, answer.getLbsLnsSecret());
  }

  @Test
  void updateNeedsSettingsBasicOrLinkForAntennasAndAttributesAlone() throws Exception {
    APIKey lnsKey = simulator.addGatewayApiKey(UDP.getIds().getGatewayId(),
        APIKey.newBuilder().addRights(Right.RIGHT_GATEWAY_LINK).build());
    Gateway changed = UDP.toBuilder().setName("Renamed")
        .addAntennas(GatewayAntenna.newBuilder().setGain(9)).build();
    try (SimulatorClient gateway = SimulatorClient.plaintext(simulator, lnsKey.getKey())) {
      gateway.gatewayRegistry().update(update(changed, "antennas", "attributes"));
      assertMissing(Right.RIGHT_GATEWAY_SETTINGS_BASIC,
          () -> gateway.gatewayRegistry().update(update(changed, "antennas", "name")));
    }
    assertEquals(2, simulator.gateway(UDP.getIds().getGatewayId()).orElseThrow()
        .getAntennasCount());
  }

  @Test
  void updateRefusesAContactThatIsNotACollaborator() {
    ErrorDetails error = assertTtsError(Status.Code.INVALID_ARGUMENT,
        "pkg/identityserver:contact_no_collaborator",
        () -> alice.gatewayRegistry().update(update(
            UDP.toBuilder().setAdministrativeContact(user("bob")).build(),
            "administrative_contact")));
    assertEquals("bob", error.getAttributes().getFieldsOrThrow("contact").getStringValue());
  }

  @Test
  void deleteIsSoftAndRestoreUndoesIt() {
    alice.gatewayRegistry().delete(UDP.getIds());

    assertTrue(simulator.isDeleted(UDP.getIds().getGatewayId()));
    assertTrue(simulator.gateway(UDP.getIds().getGatewayId()).orElseThrow().hasDeletedAt());
    assertTtsError(Status.Code.NOT_FOUND, "pkg/identityserver/store:gateway_not_found",
        () -> alice.gatewayRegistry().delete(UDP.getIds()));

    alice.gatewayRegistry().restore(UDP.getIds());
    assertFalse(simulator.isDeleted(UDP.getIds().getGatewayId()));
    assertEquals(UDP.getIds(), alice.gatewayRegistry().get(get(UDP, "name")).getIds());
  }

  @Test
  void deleteAndRestoreNeedGatewayDelete() throws Exception {
    try (SimulatorClient editor = SimulatorClient.plaintext(simulator, ALICE_EDITOR_KEY)) {
      assertMissing(Right.RIGHT_GATEWAY_DELETE,
          () -> editor.gatewayRegistry().delete(UDP.getIds()));
      alice.gatewayRegistry().delete(UDP.getIds());
      assertMissing(Right.RIGHT_GATEWAY_DELETE,
          () -> editor.gatewayRegistry().restore(UDP.getIds()));
    }
  }

  @Test
  void aRestoredGatewayComesBackWithoutItsEuiWhenAnotherHoldsIt() {
    alice.gatewayRegistry().delete(UDP.getIds());
    alice.gatewayRegistry().create(create(Gateway.newBuilder()
        .setIds(UDP.getIds().toBuilder().setGatewayId("successor")).build(), ALICE));

    alice.gatewayRegistry().restore(UDP.getIds());

    assertEquals(ByteString.EMPTY,
        simulator.gateway(UDP.getIds().getGatewayId()).orElseThrow().getIds().getEui());
  }

  @Test
  void restoreAfterTheWindowFails() {
    long twoDaysAgo = System.currentTimeMillis() - 2 * 24 * 3600 * 1000L;
    Gateway old = simulator.addGateway(Gateway.newBuilder().setIds(ids("long-gone", ""))
        .setDeletedAt(Timestamps.fromMillis(twoDaysAgo)).build(), ALICE);

    assertTtsError(Status.Code.FAILED_PRECONDITION, "pkg/identityserver:restore_window_expired",
        () -> alice.gatewayRegistry().restore(old.getIds()));
    assertTtsError(Status.Code.PERMISSION_DENIED, "pkg/identityserver:admins_purge_gateways",
        () -> alice.gatewayRegistry().purge(old.getIds()));
  }

  @Test
  void gatewayServicesTakeGatewayKeysAndDeviceRegistriesTakeTheDeviceKey() throws Exception {
    try (SimulatorClient devices = SimulatorClient.plaintext(simulator, DEVICE_KEY);
        SimulatorClient nobody = SimulatorClient.plaintext(simulator, null)) {
      assertTtsError(Status.Code.UNAUTHENTICATED, "pkg/identityserver:invalid_authorization",
          () -> devices.gatewayRegistry().get(get(UDP, "name")));
      assertTtsError(Status.Code.UNAUTHENTICATED, "pkg/identityserver:unauthenticated",
          () -> nobody.gatewayRegistry().get(get(UDP, "name")));
      GetEndDeviceRequest device = GetEndDeviceRequest.newBuilder()
          .setEndDeviceIds(SampleDevices.abp("app", "dev", 1).getIds()).build();
      assertTtsError(Status.Code.UNAUTHENTICATED, "pkg/identityserver:invalid_authorization",
          () -> alice.is().get(device));
      assertTtsError(Status.Code.NOT_FOUND, "pkg/identityserver/store:end_device_not_found",
          () -> devices.is().get(device));
    }
  }

  @Test
  void theJournalRecordsEachGatewayCallWithItsRequest() {
    simulator.clearCalls();
    alice.gatewayRegistry().get(get(UDP, "name"));
    alice.gatewayRegistry().update(update(UDP, "name"));

    assertEquals(List.of("GatewayRegistry/Get", "GatewayRegistry/Update"),
        simulator.gatewayCalls().stream().map(GatewayCall::method).toList());
    List<UpdateGatewayRequest> updates =
        simulator.gatewayRequests(GatewayRegistryGrpc.getUpdateMethod());
    assertEquals(1, updates.size());
    assertEquals(List.of("name"), updates.get(0).getFieldMask().getPathsList());
    assertTrue(simulator.gatewayRequests(GatewayRegistryGrpc.getCreateMethod()).isEmpty());
  }

  @Test
  void theGatewayFaultHookFailsTheCallsItChooses() {
    simulator.gatewayFaults(call -> call.is(GatewayRegistryGrpc.getCreateMethod())
        ? Optional.of(Fault.of(Status.UNAVAILABLE)) : Optional.empty());

    GatewayRegistryBlockingStub registry = alice.gatewayRegistry();
    assertEquals(Status.Code.UNAVAILABLE, assertThrows(
        StatusRuntimeException.class, () -> registry.create(create(
            Gateway.newBuilder().setIds(ids("new-gateway", "")).build(), ALICE)))
        .getStatus().getCode());
    assertEquals(UDP.getName(), registry.get(get(UDP, "name")).getName());
    assertTrue(simulator.gateway("new-gateway").isEmpty());
  }

  /** Asserts the call is refused for lack of a right on a gateway, user or organization. */
  static void assertMissing(Right right, Executable call) {
    String entity = right.name().startsWith("RIGHT_GATEWAY_") ? "gateway"
        : right.name().startsWith("RIGHT_USER_") ? "user" : "organization";
    ErrorDetails error = assertTtsError(Status.Code.PERMISSION_DENIED,
        "pkg/auth/rights:insufficient_" + entity + "_rights", call);
    assertEquals(right.name(), error.getAttributes().getFieldsOrThrow("missing").getStringValue());
  }

  static GatewayIdentifiers ids(String gatewayId, String eui) {
    return GatewayIdentifiers.newBuilder().setGatewayId(gatewayId)
        .setEui(ByteString.fromHex(eui)).build();
  }

  static OrganizationOrUserIdentifiers user(String userId) {
    return OrganizationOrUserIdentifiers.newBuilder()
        .setUserIds(UserIdentifiers.newBuilder().setUserId(userId)).build();
  }

  static CreateGatewayRequest create(Gateway gateway, String collaborator) {
    return CreateGatewayRequest.newBuilder().setGateway(gateway)
        .setCollaborator(AccountId.parse(collaborator).toIdentifiers()).build();
  }

  static GetGatewayRequest get(Gateway gateway, String... paths) {
    return GetGatewayRequest.newBuilder().setGatewayIds(gateway.getIds())
        .setFieldMask(mask(paths)).build();
  }

  static UpdateGatewayRequest update(Gateway gateway, String... paths) {
    return UpdateGatewayRequest.newBuilder().setGateway(gateway).setFieldMask(mask(paths)).build();
  }

  private static ListGatewaysRequest list(int limit, int page, String... paths) {
    return ListGatewaysRequest.newBuilder().setLimit(limit).setPage(page)
        .setFieldMask(mask(paths)).build();
  }

  static FieldMask mask(String... paths) {
    return FieldMask.newBuilder().addAllPaths(List.of(paths)).build();
  }
}
