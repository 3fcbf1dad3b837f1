package org.ttnlw.migrate.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.sim.TtsGatewayRegistryTest.create;
import static org.ttnlw.migrate.sim.TtsGatewayRegistryTest.update;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.APIKey;
import org.ttnlw.migrate.proto.CreateGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.Secret;

/**
 * A Basics Station following the CUPS redirect of TTS's docs from a source simulator to a target
 * simulator, driven only through the gateway services' gRPC API.
 */
class TtsGatewayStationTest {
  private static final String ALICE = "user:alice";
  private static final String CAROL = "user:carol";
  private static final String SOURCE_KEY = "NNSXS.SOURCE.ALICE";
  private static final String TARGET_KEY = "NNSXS.TARGET.CAROL";
  private static final Gateway STATION = SampleGateways.basicsStation();
  private static final String STATION_ID = STATION.getIds().getGatewayId();
  private static final String TARGET_ID = "warehouse-station";
  private static final Duration PATIENCE = Duration.ofSeconds(5);

  private TtsSimulator source;
  private TtsSimulator target;
  private SimulatorClient alice;
  private SimulatorClient carol;

  @BeforeEach
  void start() throws Exception {
    source = TtsSimulator.builder().apiKey("NNSXS.SOURCE.DEVICES").start();
    target = TtsSimulator.builder().apiKey("NNSXS.TARGET.DEVICES").start();
    source.addGatewayKey(SOURCE_KEY, ALICE, Set.of(Right.RIGHT_ALL));
    target.addGatewayKey(TARGET_KEY, CAROL, Set.of(Right.RIGHT_ALL));
    SampleGateways.seed(source, ALICE);
    alice = SimulatorClient.plaintext(source, SOURCE_KEY);
    carol = SimulatorClient.plaintext(target, TARGET_KEY);
    carol.gatewayRegistry().create(create(Gateway.newBuilder()
        .setIds(STATION.getIds().toBuilder().setGatewayId(TARGET_ID)).build(), CAROL));
  }

  @AfterEach
  void stop() throws Exception {
    alice.close();
    carol.close();
    source.close();
    target.close();
  }

  @Test
  void theStationMovesToTheTargetWhenTheSourceNamesItAndComesBackWhenItNoLongerDoes()
      throws Exception {
    String lnsKey = targetLnsKey(Right.RIGHT_GATEWAY_LINK, Right.RIGHT_GATEWAY_INFO);
    try (SimulatedStation station = SimulatedStation.following(source, target, STATION_ID)) {
      assertTrue(source.isConnected(STATION_ID), "connected to the source from the start");

      redirect(target.gatewayServerAddress(), lnsKey);
      await(() -> target.isConnected(TARGET_ID));
      assertFalse(source.isConnected(STATION_ID));
      assertEquals(SimulatedStation.PROTOCOL,
          carol.gatewayServer().getGatewayConnectionStats(ids(TARGET_ID)).getProtocol());

      redirect(STATION.getGatewayServerAddress(),
          STATION.getLbsLnsSecret().getValue().toStringUtf8());
      await(() -> source.isConnected(STATION_ID));
      assertFalse(target.isConnected(TARGET_ID));
    }
  }

  @Test
  void theStationStaysOnTheSourceWithATargetKeyWithoutLinkOrAnotherAddress() throws Exception {
    String infoOnly = targetLnsKey(Right.RIGHT_GATEWAY_INFO);
    String link = targetLnsKey(Right.RIGHT_GATEWAY_LINK);
    try (SimulatedStation station = SimulatedStation.following(source, target, STATION_ID)) {
      for (List<String> settings : List.of(
          List.of(target.gatewayServerAddress(), infoOnly),
          List.of("wss://" + target.gatewayServerAddress().replace("localhost", "example.com"),
              link),
          List.of(target.gatewayServerAddress(), SampleGateways.BASICS_STATION_LNS_KEY))) {
        redirect(settings.get(0), settings.get(1));
        Thread.sleep(200);
        assertTrue(source.isConnected(STATION_ID), settings.toString());
        assertFalse(target.isConnected(TARGET_ID), settings.toString());
      }
    }
  }

  @Test
  void aSchemeInTheSourceAddressIsFollowedToo() throws Exception {
    String lnsKey = targetLnsKey(Right.RIGHT_GATEWAY_LINK);
    try (SimulatedStation station = SimulatedStation.following(source, target, STATION_ID)) {
      redirect("wss://" + target.gatewayServerAddress(), lnsKey);
      await(() -> target.isConnected(TARGET_ID));
    }
  }

  @Test
  void theSampleGatewaysAreSeededWithTheStationsLnsKey() throws Exception {
    assertEquals(SampleGateways.all().size(),
        SampleGateways.all().stream().filter(g -> source.gateway(g.getIds().getGatewayId())
            .isPresent()).count());
    try (SimulatorClient lns = SimulatorClient.plaintext(source,
        SampleGateways.BASICS_STATION_LNS_KEY)) {
      assertEquals(List.of(Right.RIGHT_GATEWAY_INFO, Right.RIGHT_GATEWAY_LINK),
          lns.gatewayAccess().listRights(STATION.getIds()).getRightsList());
    }
    assertEquals(SampleGateways.all().size(), SampleGateways.all().stream()
        .map(gateway -> gateway.getIds().getEui()).distinct().count());
  }

  /** Sets the source gateway's LNS address and key as the docs' CUPS redirect does. */
  private void redirect(String gatewayServerAddress, String lnsKey) {
    alice.gatewayRegistry().update(update(STATION.toBuilder()
        .setGatewayServerAddress(gatewayServerAddress)
        .setLbsLnsSecret(Secret.newBuilder()
            .setValue(ByteString.copyFrom(lnsKey, StandardCharsets.US_ASCII)))
        .build(), "gateway_server_address", "lbs_lns_secret"));
  }

  private String targetLnsKey(Right... rights) {
    APIKey key = carol.gatewayAccess().createAPIKey(CreateGatewayAPIKeyRequest.newBuilder()
        .setGatewayIds(ids(TARGET_ID)).setName("LNS key").addAllRights(List.of(rights)).build());
    return key.getKey();
  }

  private static GatewayIdentifiers ids(String gatewayId) {
    return GatewayIdentifiers.newBuilder().setGatewayId(gatewayId).build();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE);
      }
      Thread.sleep(10);
    }
  }
}
