package org.ttnlw.migrate.source.chirpstack;

import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.DeleteGatewayRequest;
import org.ttnlw.migrate.chirpstack.proto.GatewayServiceGrpc;
import org.ttnlw.migrate.chirpstack.proto.GetGatewayRequest;
import org.ttnlw.migrate.chirpstack.proto.ListGatewaysRequest;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.source.GatewaySource;

/**
 * Reads gateways from ChirpStack v4's GatewayService. A gateway is named by its EUI, which
 * ChirpStack keeps unique across the server; each is read with Get, since List items lack tags.
 */
final class ChirpStackGatewaySource implements GatewaySource {
  private static final Logger log = LoggerFactory.getLogger(ChirpStackGatewaySource.class);

  private final GatewayConfig config;
  private final ChirpStackCalls calls;
  private final GatewayMapper mapper;

  ChirpStackGatewaySource(GatewayConfig config, CallSettings context) {
    this.config = config;
    this.calls = new ChirpStackCalls(config.connection(), context);
    this.mapper = new GatewayMapper(config);
  }

  @Override
  public GatewayRef resolve(String eui) {
    return new GatewayRef(eui.toLowerCase(Locale.ROOT));
  }

  /** From --gateway-id-template; the reference is the EUI in lower case, as ChirpStack prints it. */
  @Override
  public String targetId(GatewayRef gateway) {
    return config.ids().render(gateway.id(), gateway.id());
  }

  /** GatewayService/List of at most one gateway of --tenant-id (or every tenant), not retried. */
  @Override
  public void preflight() {
    try {
      Futures.await(calls.callOnce(GatewayServiceGrpc.getListMethod(), ListGatewaysRequest
              .newBuilder().setTenantId(config.tenantId().orElse("")).setLimit(1).build(),
          "checking the source API key"));
    } catch (ChirpStackCallException e) {
      throw new ConfigException("source: " + e.getMessage()
          + "; check --api-key (a tenant key also needs --tenant-id), --api-url and the TLS"
          + " flags; nothing was exported or changed");
    }
  }

  /** Every gateway of {@code --tenant-id}, or of every tenant for an admin key, by EUI. */
  @Override
  public Iterator<GatewayRef> listAll() {
    String tenant = config.tenantId().orElse("");
    String scope = tenant.isEmpty() ? "every tenant" : "tenant " + tenant;
    return new OffsetPages<>(offset -> {
      ListGatewaysRequest request = ListGatewaysRequest.newBuilder()
          .setTenantId(tenant)
          .setLimit(OffsetPages.PAGE_SIZE)
          .setOffset(offset)
          .setOrderBy(ListGatewaysRequest.OrderBy.GATEWAY_ID)
          .build();
      return calls.call(GatewayServiceGrpc.getListMethod(), request,
              "listing the gateways of " + scope + " (offset " + offset + ")")
          .thenApply(answer -> new OffsetPages.Page<>(answer.getTotalCount(),
              answer.getResultList().stream()
                  .map(item -> resolve(item.getGatewayId()))
                  .toList()));
    }, e -> refusedList(e, tenant),
        () -> log.warn("ChirpStack lists no gateways for {}", scope));
  }

  private static RuntimeException refusedList(RuntimeException e, String tenant) {
    if (!(e instanceof ChirpStackCallException call && call.isMissingOrHidden())) {
      return e;
    }
    return new MigrationException(tenant.isEmpty()
        ? "listing gateways: only an admin API key lists the gateways of every tenant; with a"
            + " tenant API key set --tenant-id (or CHIRPSTACK_TENANT_ID) to its tenant ("
            + e.getMessage() + ")"
        : "listing gateways: tenant " + tenant + " not found, or not visible to this API key ("
            + e.getMessage() + ")", e);
  }

  @Override
  public CompletableFuture<Gateway> fetch(GatewayRef ref) {
    String what = "gateway " + ref.id();
    return calls.call(GatewayServiceGrpc.getGetMethod(),
            GetGatewayRequest.newBuilder().setGatewayId(ref.id()).build(), what)
        .exceptionally(failure -> {
          RuntimeException cause = Futures.unwrap(failure);
          if (cause instanceof ChirpStackCallException e && e.isMissingOrHidden()) {
            throw new MigrationException(what + ": not found, or not visible to this API key ("
                + e.getMessage() + ")", e);
          }
          throw cause;
        })
        .thenApply(answer -> mapper.map(answer.getGateway()));
  }

  /**
   * ChirpStack deletes for good; a gateway already gone counts as deleted. A tenant key hears the
   * same empty UNAUTHENTICATED for a gateway that is gone and for one it may not delete (a
   * read-only key), so then a Get tells the two apart.
   */
  @Override
  public CompletableFuture<Void> delete(GatewayRef ref) {
    String what = "deleting gateway " + ref.id();
    return calls.call(GatewayServiceGrpc.getDeleteMethod(),
            DeleteGatewayRequest.newBuilder().setGatewayId(ref.id()).build(), what)
        .<Void>thenApply(empty -> null)
        .exceptionallyCompose(failure -> {
          RuntimeException cause = Futures.unwrap(failure);
          if (cause instanceof ChirpStackCallException e && e.isNotFound()) {
            log.debug("gateway {}: already gone from ChirpStack", ref.id());
            return CompletableFuture.completedFuture(null);
          }
          if (cause instanceof ChirpStackCallException e && e.isMissingOrHidden()) {
            return stillThere(ref, e);
          }
          return CompletableFuture.failedFuture(cause);
        });
  }

  private CompletableFuture<Void> stillThere(GatewayRef ref, ChirpStackCallException refusal) {
    return calls.call(GatewayServiceGrpc.getGetMethod(),
            GetGatewayRequest.newBuilder().setGatewayId(ref.id()).build(),
            "checking whether gateway " + ref.id() + " is gone")
        .handle((answer, failure) -> {
          if (failure == null) {
            throw new MigrationException("deleting gateway " + ref.id() + ": ChirpStack refused and"
                + " the gateway is still there; the API key may read but not delete it (a"
                + " read-only key?) (" + refusal.getMessage() + ")", refusal);
          }
          if (Futures.unwrap(failure) instanceof ChirpStackCallException e
              && e.isMissingOrHidden()) {
            log.debug("gateway {}: already gone from ChirpStack", ref.id());
            return null;
          }
          throw Futures.unwrap(failure);
        });
  }

  @Override
  public void close() {
    calls.close();
  }
}
