package org.ttnlw.migrate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.sim.TtsErrorAssertions.assertTtsError;
import static org.ttnlw.migrate.sim.TtsGatewayRegistryTest.assertMissing;
import static org.ttnlw.migrate.sim.TtsGatewayRegistryTest.get;
import static org.ttnlw.migrate.sim.TtsGatewayRegistryTest.mask;
import static org.ttnlw.migrate.sim.TtsGatewayRegistryTest.update;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.APIKey;
import org.ttnlw.migrate.proto.APIKeys;
import org.ttnlw.migrate.proto.CreateGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.DeleteGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.ErrorDetails;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayConnectionStats;
import org.ttnlw.migrate.proto.GetGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.GetInfoByGatewayEUIRequest;
import org.ttnlw.migrate.proto.GetInfoByGatewayEUIResponse;
import org.ttnlw.migrate.proto.ListGatewayAPIKeysRequest;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.UpdateGatewayAPIKeyRequest;

/** The simulator's GatewayAccess, Gateway Server stats and claiming info through the stubs. */
class TtsGatewayAccessTest {
  private static final String ALICE = "user:alice";
  private static final String ALICE_KEY = "NNSXS.ALICE.ALL";
  private static final String ALICE_KEYS_KEY = "NNSXS.ALICE.KEYS";
  private static final Gateway UDP = SampleGateways.udp();

  private TtsSimulator simulator;
  private SimulatorClient alice;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey("NNSXS.DEVICES.KEY").start();
    simulator.addGatewayKey(ALICE_KEY, ALICE, Set.of(Right.RIGHT_ALL));
    simulator.addGatewayKey(ALICE_KEYS_KEY, ALICE,
        Set.of(Right.RIGHT_GATEWAY_INFO, Right.RIGHT_GATEWAY_SETTINGS_API_KEYS));
    simulator.addGateway(UDP, ALICE);
    alice = SimulatorClient.plaintext(simulator, ALICE_KEY);
  }

  @AfterEach
  void stop() throws Exception {
    alice.close();
    simulator.close();
  }

  @Test
  void listRightsAnswersWhatTheKeyAndTheCollaborationBothGrant() throws Exception {
    try (SimulatorClient keys = SimulatorClient.plaintext(simulator, ALICE_KEYS_KEY)) {
      assertEquals(List.of(Right.RIGHT_GATEWAY_INFO, Right.RIGHT_GATEWAY_SETTINGS_API_KEYS),
          keys.gatewayAccess().listRights(UDP.getIds()).getRightsList());
    }
    assertTrue(alice.gatewayAccess().listRights(UDP.getIds()).getRightsList()
        .containsAll(List.of(Right.RIGHT_GATEWAY_LINK, Right.RIGHT_GATEWAY_READ_SECRETS)));
    simulator.addGatewayKey("NNSXS.BOB.ALL", "user:bob", Set.of(Right.RIGHT_ALL));
    try (SimulatorClient bob = SimulatorClient.plaintext(simulator, "NNSXS.BOB.ALL")) {
      assertEquals(List.of(), bob.gatewayAccess().listRights(UDP.getIds()).getRightsList(),
          "bob does not collaborate on the gateway");
    }
  }

  @Test
  void createApiKeyAnswersTheKeyTextOnceAndTheKeyAuthenticates() throws Exception {
    APIKey created = alice.gatewayAccess().createAPIKey(createKey("LNS key",
        Right.RIGHT_GATEWAY_LINK));

    assertTrue(created.getKey().matches("NNSXS\\.[A-Z2-7]{39}\\.[A-Z2-7]{64}"), created.getKey());
    assertEquals(created.getKey().split("\\.")[1], created.getId());
    assertEquals(List.of(created), simulator.gatewayApiKeys(UDP.getIds().getGatewayId()));
    APIKeys listed = alice.gatewayAccess().listAPIKeys(
        ListGatewayAPIKeysRequest.newBuilder().setGatewayIds(UDP.getIds()).build());
    assertEquals("1", alice.lastHeader("x-total-count"));
    assertEquals(created.toBuilder().clearKey().build(), listed.getApiKeys(0));
    assertEquals("", alice.gatewayAccess().getAPIKey(GetGatewayAPIKeyRequest.newBuilder()
        .setGatewayIds(UDP.getIds()).setKeyId(created.getId()).build()).getKey());
    try (SimulatorClient gateway = SimulatorClient.plaintext(simulator, created.getKey())) {
      assertEquals(List.of(Right.RIGHT_GATEWAY_LINK),
          gateway.gatewayAccess().listRights(UDP.getIds()).getRightsList());
    }
  }

  @Test
  void keysNeedSettingsApiKeysAndGrantOnlyHeldRights() throws Exception {
    try (SimulatorClient keys = SimulatorClient.plaintext(simulator, ALICE_KEYS_KEY)) {
      keys.gatewayAccess().createAPIKey(createKey("viewer", Right.RIGHT_GATEWAY_INFO));
      assertMissing(Right.RIGHT_GATEWAY_LINK, () -> keys.gatewayAccess().createAPIKey(
          createKey("LNS key", Right.RIGHT_GATEWAY_INFO, Right.RIGHT_GATEWAY_LINK)));
    }
    APIKey viewer = simulator.gatewayApiKeys(UDP.getIds().getGatewayId()).get(0);
    try (SimulatorClient gateway = SimulatorClient.plaintext(simulator, viewer.getKey())) {
      assertMissing(Right.RIGHT_GATEWAY_SETTINGS_API_KEYS, () -> gateway.gatewayAccess()
          .listAPIKeys(ListGatewayAPIKeysRequest.newBuilder().setGatewayIds(UDP.getIds()).build()));
    }
  }

  @Test
  void updateApiKeyChangesTheMaskedRightsAndNameOnly() throws Exception {
    APIKey created = alice.gatewayAccess().createAPIKey(createKey("LNS key",
        Right.RIGHT_GATEWAY_LINK, Right.RIGHT_GATEWAY_INFO));

    APIKey updated = alice.gatewayAccess().updateAPIKey(UpdateGatewayAPIKeyRequest.newBuilder()
        .setGatewayIds(UDP.getIds())
        .setApiKey(APIKey.newBuilder().setId(created.getId()).setKey("NNSXS.CHOSEN.TEXT")
            .setName("revoked").addRights(Right.RIGHT_GATEWAY_INFO))
        .setFieldMask(mask("rights", "key"))
        .build());

    assertEquals(List.of(Right.RIGHT_GATEWAY_INFO), updated.getRightsList());
    assertEquals("LNS key", updated.getName());
    assertEquals("", updated.getKey());
    assertEquals(created.getKey(),
        simulator.gatewayApiKeys(UDP.getIds().getGatewayId()).get(0).getKey());
    try (SimulatorClient gateway = SimulatorClient.plaintext(simulator, created.getKey())) {
      assertMissing(Right.RIGHT_GATEWAY_SETTINGS_BASIC,
          () -> gateway.gatewayRegistry().update(update(UDP, "antennas")));
    }
    assertTtsError(Status.Code.INVALID_ARGUMENT, "pkg/rpcmiddleware/validator:field_mask_paths",
        () -> alice.gatewayAccess().updateAPIKey(UpdateGatewayAPIKeyRequest.newBuilder()
            .setGatewayIds(UDP.getIds()).setApiKey(APIKey.newBuilder().setId(created.getId()))
            .setFieldMask(mask("owner")).build()));
  }

  @Test
  void aDeletedApiKeyNoLongerAuthenticates() throws Exception {
    APIKey created = alice.gatewayAccess().createAPIKey(createKey("LNS key",
        Right.RIGHT_GATEWAY_LINK));
    DeleteGatewayAPIKeyRequest delete = DeleteGatewayAPIKeyRequest.newBuilder()
        .setGatewayIds(UDP.getIds()).setKeyId(created.getId()).build();

    alice.gatewayAccess().deleteAPIKey(delete);

    assertTrue(simulator.gatewayApiKeys(UDP.getIds().getGatewayId()).isEmpty());
    try (SimulatorClient gateway = SimulatorClient.plaintext(simulator, created.getKey())) {
      assertTtsError(Status.Code.UNAUTHENTICATED, "pkg/identityserver:invalid_authorization",
          () -> gateway.gatewayAccess().listRights(UDP.getIds()));
    }
    assertTtsError(Status.Code.NOT_FOUND, "pkg/identityserver/store:api_key_not_found",
        () -> alice.gatewayAccess().deleteAPIKey(delete));
  }

  @Test
  void connectionStatsAreNotFoundUntilTheGatewayConnects() throws Exception {
    ErrorDetails error = assertTtsError(Status.Code.NOT_FOUND, "pkg/gatewayserver:not_connected",
        () -> alice.gatewayServer().getGatewayConnectionStats(UDP.getIds()));
    assertEquals(UDP.getIds().getGatewayId(),
        error.getAttributes().getFieldsOrThrow("gateway_uid").getStringValue());

    simulator.connect(UDP.getIds().getGatewayId(), "udp");
    GatewayConnectionStats connected =
        alice.gatewayServer().getGatewayConnectionStats(UDP.getIds());
    assertEquals("udp", connected.getProtocol());
    assertTrue(connected.hasConnectedAt());
    assertFalse(connected.hasDisconnectedAt());

    simulator.disconnect(UDP.getIds().getGatewayId());
    assertTrue(alice.gatewayServer().getGatewayConnectionStats(UDP.getIds()).hasDisconnectedAt());
    assertFalse(simulator.isConnected(UDP.getIds().getGatewayId()));
    try (SimulatorClient keys = SimulatorClient.plaintext(simulator, ALICE_KEYS_KEY)) {
      assertMissing(Right.RIGHT_GATEWAY_STATUS_READ,
          () -> keys.gatewayServer().getGatewayConnectionStats(UDP.getIds()));
    }
  }

  @Test
  void claimingIsSupportedForTheEuisDeclaredClaimable() {
    simulator.declareClaimable("58A0CBFFFE802A34", true);

    GetInfoByGatewayEUIResponse ttig = alice.gatewayClaiming().getInfoByGatewayEUI(
        GetInfoByGatewayEUIRequest.newBuilder()
            .setEui(ByteString.fromHex("58A0CBFFFE802A34")).build());
    GetInfoByGatewayEUIResponse other = alice.gatewayClaiming().getInfoByGatewayEUI(
        GetInfoByGatewayEUIRequest.newBuilder().setEui(UDP.getIds().getEui()).build());

    assertTrue(ttig.getSupportsClaiming());
    assertTrue(ttig.getIsManaged());
    assertFalse(other.getSupportsClaiming());
    assertFalse(other.getIsManaged());
  }

  @Test
  void theGatewayServicesServeTlsWhenTheSimulatorDoes() throws Exception {
    try (TtsSimulator tls = TtsSimulator.builder().apiKey("NNSXS.DEVICES.KEY").tls(true).start()) {
      tls.addGatewayKey(ALICE_KEY, ALICE, Set.of(Right.RIGHT_ALL));
      tls.addGateway(UDP, ALICE);
      try (SimulatorClient client = new SimulatorClient(tls,
          TlsChannelCredentials.newBuilder().trustManager(tls.caFile().toFile()).build(),
          ALICE_KEY)) {
        assertEquals(UDP.getName(), client.gatewayRegistry().get(get(UDP, "name")).getName());
      }
      assertEquals(tls.address(), tls.gatewayServerAddress());
    }
  }

  private static CreateGatewayAPIKeyRequest createKey(String name, Right... rights) {
    return CreateGatewayAPIKeyRequest.newBuilder().setGatewayIds(UDP.getIds()).setName(name)
        .addAllRights(List.of(rights)).build();
  }
}
