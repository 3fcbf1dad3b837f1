package org.ttnlw.migrate.sim.chirpstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.OTHER_TENANT;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.ROOFTOP_GATEWAY;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.TENANT;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.chirpstack.proto.CreateGatewayRequest;
import org.ttnlw.migrate.chirpstack.proto.Gateway;
import org.ttnlw.migrate.chirpstack.proto.GatewayServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.GetGatewayRequest;
import org.ttnlw.migrate.chirpstack.proto.ListGatewaysRequest;
import org.ttnlw.migrate.chirpstack.proto.Location;
import org.ttnlw.migrate.chirpstack.proto.LocationSource;
import org.ttnlw.migrate.chirpstack.proto.UpdateGatewayRequest;

/** The simulator's GatewayService keeps the rules the facts give for ChirpStack v4.19.0. */
class SimulatedGatewaysTest {
  private static final String ADMIN = "admin";
  private static final String TENANT_KEY = "tenant";
  private static final String READ_ONLY = "read-only";
  private ChirpStackSimulator simulator;
  private ManagedChannel channel;

  @BeforeEach
  void start() throws Exception {
    simulator = ChirpStackSimulator.builder().adminKey(ADMIN).tenantKey(TENANT_KEY, TENANT)
        .readOnlyTenantKey(READ_ONLY, TENANT).start();
    SampleChirpStack.seedGateways(simulator);
    channel = NettyChannelBuilder.forTarget(simulator.address()).usePlaintext().build();
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    simulator.close();
  }

  private GatewayServiceGrpc.GatewayServiceBlockingStub as(String key) {
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
        "Bearer " + key);
    return GatewayServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private static Status.Code code(Runnable call) {
    return assertThrows(StatusRuntimeException.class, call::run).getStatus().getCode();
  }

  private static CreateGatewayRequest create(Gateway.Builder gateway) {
    return CreateGatewayRequest.newBuilder().setGateway(gateway).build();
  }

  @Test
  void createNeedsATenantANameAndADownlinkPriorityAndAnUnusedEui() {
    var admin = as(ADMIN);
    assertEquals(Status.Code.INVALID_ARGUMENT,
        code(() -> admin.create(create(SampleChirpStack.gateway(9, "")))));
    assertEquals(Status.Code.INVALID_ARGUMENT,
        code(() -> admin.create(create(SampleChirpStack.gateway(9, TENANT).setName("")))));
    assertEquals(Status.Code.INVALID_ARGUMENT, code(() -> admin.create(
        create(SampleChirpStack.gateway(9, TENANT).setDownlinkPriority(0)))));
    assertEquals(Status.Code.INTERNAL,
        code(() -> admin.create(create(SampleChirpStack.gateway(1, TENANT)))));

    admin.create(create(SampleChirpStack.gateway(9, TENANT).putMetadata("ignored", "yes")));
    assertTrue(simulator.gateway(SampleChirpStack.gatewayEui(9)).orElseThrow()
        .getMetadataMap().isEmpty(), "metadata is the gateway's to report");
  }

  @Test
  void tenantKeysWriteOnlyTheirTenantAndReadOnlyKeysNothing() {
    assertEquals(Status.Code.UNAUTHENTICATED, code(() ->
        as(TENANT_KEY).create(create(SampleChirpStack.gateway(9, OTHER_TENANT)))));
    assertEquals(Status.Code.UNAUTHENTICATED, code(() ->
        as(READ_ONLY).create(create(SampleChirpStack.gateway(9, TENANT)))));
    as(TENANT_KEY).create(create(SampleChirpStack.gateway(9, TENANT)));
    assertEquals(Status.Code.UNAUTHENTICATED, code(() -> as(TENANT_KEY).get(
        GetGatewayRequest.newBuilder().setGatewayId(SampleChirpStack.OTHER_TENANT_GATEWAY)
            .build())));
    assertEquals(Status.Code.NOT_FOUND, code(() -> as(ADMIN).get(
        GetGatewayRequest.newBuilder().setGatewayId(SampleChirpStack.gatewayEui(99)).build())));
  }

  @Test
  void updateReplacesTheSettingsButNeverTheTenantOrMetadata() {
    Gateway changed = SampleChirpStack.gateway(1, OTHER_TENANT).setName("Renamed").build();

    as(TENANT_KEY).update(UpdateGatewayRequest.newBuilder().setGateway(changed).build());

    Gateway stored = simulator.gateway(ROOFTOP_GATEWAY).orElseThrow();
    assertEquals("Renamed", stored.getName());
    assertEquals(TENANT, stored.getTenantId());
    assertTrue(stored.getTagsMap().isEmpty(), "a full replace");
    assertEquals("5.1.0", stored.getMetadataOrThrow("firmware"));
  }

  @Test
  void getAnswersTheLocationAsChirpStackStoresIt() {
    simulator.putGateway(SampleChirpStack.gateway(9, TENANT).setLocation(Location.newBuilder()
        .setLatitude(1).setLongitude(2).setAltitude(3.3).setSource(LocationSource.GPS)
        .setAccuracy(5)).build());

    Location location = as(ADMIN).get(GetGatewayRequest.newBuilder()
        .setGatewayId(SampleChirpStack.gatewayEui(9)).build()).getGateway().getLocation();

    assertEquals(Location.newBuilder().setLatitude(1).setLongitude(2).setAltitude(3.3f).build(),
        location);
  }

  @Test
  void listCountsWithLimitZeroAndItsItemsLackTags() {
    var count = as(ADMIN).list(ListGatewaysRequest.newBuilder().build());
    var page = as(TENANT_KEY).list(ListGatewaysRequest.newBuilder().setTenantId(TENANT)
        .setLimit(2).setOrderBy(ListGatewaysRequest.OrderBy.GATEWAY_ID).build());

    assertEquals(4, count.getTotalCount());
    assertEquals(0, count.getResultCount());
    assertEquals(3, page.getTotalCount());
    assertEquals(ROOFTOP_GATEWAY, page.getResult(0).getGatewayId());
    assertEquals("5.1.0", page.getResult(0).getPropertiesOrThrow("firmware"));
    assertEquals(Status.Code.UNAUTHENTICATED,
        code(() -> as(TENANT_KEY).list(ListGatewaysRequest.newBuilder().setLimit(10).build())));
  }
}
