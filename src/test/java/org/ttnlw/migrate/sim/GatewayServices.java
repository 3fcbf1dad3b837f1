package org.ttnlw.migrate.sim;

import com.google.protobuf.Message;
import com.google.protobuf.util.Values;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.ttnlw.migrate.proto.GatewayAccessGrpc;
import org.ttnlw.migrate.proto.GatewayClaimingServerGrpc;
import org.ttnlw.migrate.proto.GatewayConnectionStats;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.GetInfoByGatewayEUIRequest;
import org.ttnlw.migrate.proto.GetInfoByGatewayEUIResponse;
import org.ttnlw.migrate.proto.GsGrpc;
import org.ttnlw.migrate.proto.Right;

/**
 * The gateway services on the simulator's port: {@code GatewayRegistry}, {@code GatewayAccess},
 * the Gateway Server's {@code Gs} and the Device Claiming Server's {@code GatewayClaimingServer}.
 * Every call goes through the {@link CallPipeline} and authenticates with an account or gateway
 * API key of the {@link GatewayStore}.
 */
final class GatewayServices {
  /** The page size of a List without {@code limit}. */
  static final int DEFAULT_PAGE_SIZE = 20;

  private final GatewayStore store;
  private final CallPipeline pipeline;

  GatewayServices(GatewayStore store, CallPipeline pipeline) {
    this.store = store;
    this.pipeline = pipeline;
  }

  List<ServerServiceDefinition> definitions() {
    GatewayRegistryService registry = new GatewayRegistryService(store);
    GatewayAccessService access = new GatewayAccessService(store);
    ServerServiceDefinition registryService =
        ServerServiceDefinition.builder(GatewayRegistryGrpc.SERVICE_NAME)
            .addMethod(method(GatewayRegistryGrpc.getCreateMethod(), registry::create))
            .addMethod(method(GatewayRegistryGrpc.getGetMethod(), registry::get))
            .addMethod(method(GatewayRegistryGrpc.getGetIdentifiersForEUIMethod(),
                (request, caller) -> registry.identifiersForEui(request)))
            .addMethod(methodWithHeaders(GatewayRegistryGrpc.getListMethod(), registry::list))
            .addMethod(method(GatewayRegistryGrpc.getUpdateMethod(), registry::update))
            .addMethod(method(GatewayRegistryGrpc.getDeleteMethod(), registry::delete))
            .addMethod(method(GatewayRegistryGrpc.getRestoreMethod(), registry::restore))
            .addMethod(method(GatewayRegistryGrpc.getPurgeMethod(),
                (request, caller) -> {
                  throw TtsError.ADMINS_PURGE_GATEWAYS.toException(Map.of());
                }))
            .build();
    ServerServiceDefinition accessService =
        ServerServiceDefinition.builder(GatewayAccessGrpc.SERVICE_NAME)
            .addMethod(method(GatewayAccessGrpc.getListRightsMethod(), access::listRights))
            .addMethod(method(GatewayAccessGrpc.getCreateAPIKeyMethod(), access::createApiKey))
            .addMethod(
                methodWithHeaders(GatewayAccessGrpc.getListAPIKeysMethod(), access::listApiKeys))
            .addMethod(method(GatewayAccessGrpc.getGetAPIKeyMethod(), access::getApiKey))
            .addMethod(method(GatewayAccessGrpc.getUpdateAPIKeyMethod(), access::updateApiKey))
            .addMethod(method(GatewayAccessGrpc.getDeleteAPIKeyMethod(), access::deleteApiKey))
            .build();
    ServerServiceDefinition gatewayServer =
        ServerServiceDefinition.builder(GsGrpc.SERVICE_NAME)
            .addMethod(method(GsGrpc.getGetGatewayConnectionStatsMethod(), this::connectionStats))
            .build();
    ServerServiceDefinition claiming =
        ServerServiceDefinition.builder(GatewayClaimingServerGrpc.SERVICE_NAME)
            .addMethod(method(GatewayClaimingServerGrpc.getGetInfoByGatewayEUIMethod(),
                (request, caller) -> claimInfo(request)))
            .build();
    return List.of(registryService, accessService, gatewayServer, claiming).stream()
        .map(service -> ServerInterceptors.intercept(service, CallMetadata.interceptor()))
        .toList();
  }

  /** Stats of a gateway connected to this deployment, kept with {@code disconnected_at} after. */
  private GatewayConnectionStats connectionStats(GatewayIdentifiers ids, GatewayCaller caller) {
    String id = ids.getGatewayId();
    store.requireLive(id);
    GatewayRights.requireOnGateway(store.rightsOn(caller, id), id, Right.RIGHT_GATEWAY_STATUS_READ);
    return store.stats(id).orElseThrow(() ->
        TtsError.NOT_CONNECTED.toException(Map.of("gateway_uid", Values.of(id))));
  }

  /** Claiming is supported only for EUIs a test declared claimable. */
  private GetInfoByGatewayEUIResponse claimInfo(GetInfoByGatewayEUIRequest request) {
    Optional<Boolean> claimable = store.claimable(request.getEui());
    return GetInfoByGatewayEUIResponse.newBuilder()
        .setEui(request.getEui())
        .setSupportsClaiming(claimable.isPresent())
        .setIsManaged(claimable.orElse(false))
        .build();
  }

  private <ReqT extends Message, RespT> ServerMethodDefinition<ReqT, RespT> method(
      MethodDescriptor<ReqT, RespT> method, BiFunction<ReqT, GatewayCaller, RespT> handler) {
    return methodWithHeaders(
        method, (request, caller, headers) -> handler.apply(request, caller));
  }

  private <ReqT extends Message, RespT> ServerMethodDefinition<ReqT, RespT> methodWithHeaders(
      MethodDescriptor<ReqT, RespT> method, CallPipeline.GatewayHandler<ReqT, RespT> handler) {
    return pipeline.gatewayMethod(method, store::caller, handler);
  }

  /** One page by {@code limit} and {@code page} (from 1); the header tells the total. */
  static <T> List<T> page(List<T> all, int limit, int page, Metadata responseHeaders) {
    return ListPage.of(all, limit, page, DEFAULT_PAGE_SIZE, responseHeaders);
  }

  static StatusRuntimeException invalid(String field, String reason) {
    return TtsError.INVALID_FIELD.toException(
        Map.of("field", Values.of(field), "reason", Values.of(reason)));
  }
}
