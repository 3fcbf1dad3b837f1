package org.ttnlw.migrate.source.tts;

import com.google.protobuf.FieldMask;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAccessGrpc;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.GetGatewayRequest;
import org.ttnlw.migrate.proto.ListGatewaysRequest;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.Secret;
import org.ttnlw.migrate.proto.UpdateGatewayRequest;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.LnsSettings;
import org.ttnlw.migrate.tts.GatewayFields;
import org.ttnlw.migrate.tts.PagedList;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsCallException;
import org.ttnlw.migrate.tts.TtsConnection;
import org.ttnlw.migrate.tts.TtsServer;
import org.ttnlw.migrate.tts.UnknownFields;

/**
 * Reads gateways from a TTS Identity Server with a user or organization key. Whether a gateway
 * uses an LNS key (LoRa Basics Station, CUPS-managed or not) shows only in its
 * {@code lbs_lns_secret}, which only a key with the read-secrets right sees: each gateway's
 * rights are asked first, and a gateway whose secrets stay hidden is named in the remarks.
 */
final class TtsGatewaySource implements GatewaySource {
  private static final Logger log = LoggerFactory.getLogger(TtsGatewaySource.class);
  private static final FieldMask IDS_ONLY = FieldMask.newBuilder().addPaths("ids").build();
  private static final String LNS_SECRET = "lbs_lns_secret";
  private static final FieldMask LNS_SETTINGS = FieldMask.newBuilder()
      .addPaths("gateway_server_address").addPaths(LNS_SECRET).build();

  private final RegistryCalls calls;
  private final boolean withSecrets;
  private final GatewayFields fields = GatewayFields.bundled();
  private final Set<String> withLnsKey = ConcurrentHashMap.newKeySet();
  private final AtomicLong secretsHidden = new AtomicLong();

  TtsGatewaySource(TtsConnection connection, boolean withSecrets, CallSettings context) {
    this.calls = new RegistryCalls(connection, context);
    this.withSecrets = withSecrets;
  }

  /** GatewayRegistry/List of at most one gateway, not retried. */
  @Override
  public void preflight() {
    try {
      Futures.await(calls.callOnce(TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getListMethod(),
          ListGatewaysRequest.newBuilder().setFieldMask(IDS_ONLY).setLimit(1).build(),
          "checking the source gateway API key"));
    } catch (TtsCallException e) {
      throw new ConfigException("source: " + e.getMessage() + (e.failsEveryItem()
          ? "; check --gateway-api-key and the address and TLS flags" : "")
          + "; nothing was exported or changed");
    }
  }

  @Override
  public GatewayRef resolve(String id) {
    return new GatewayRef(id);
  }

  @Override
  public Iterator<GatewayRef> listAll() {
    return new PagedList<>(page -> calls.call(TtsServer.IDENTITY_SERVER,
        GatewayRegistryGrpc.getListMethod(), ListGatewaysRequest.newBuilder()
            .setFieldMask(IDS_ONLY)
            .setOrder("gateway_id")
            .setLimit(PagedList.PAGE_SIZE)
            .setPage(page)
            .build(),
        "listing the gateways of the source key (page " + page + ")"),
        gateways -> gateways.getGatewaysList().stream()
            .map(gateway -> new GatewayRef(gateway.getIds().getGatewayId())).toList(),
        "listing the gateways of the source key");
  }

  @Override
  public CompletableFuture<Gateway> fetch(GatewayRef ref) {
    GatewayIdentifiers ids = ids(ref);
    String what = "reading gateway " + ref;
    return calls.call(TtsServer.IDENTITY_SERVER, GatewayAccessGrpc.getListRightsMethod(), ids,
            what + "'s rights")
        .thenCompose(rights -> {
          boolean secrets = rights.message().getRightsList()
              .contains(Right.RIGHT_GATEWAY_READ_SECRETS);
          if (!secrets) {
            secretsHidden.incrementAndGet();
            if (withSecrets) {
              log.warn("gateway {}: the source key lacks the right to read secrets"
                  + " (GATEWAY_READ_SECRETS); exporting it without its claim authentication"
                  + " code", ref);
            }
          }
          FieldMask.Builder mask = fields.readMask(withSecrets && secrets).toBuilder();
          if (secrets) {
            mask.addPaths(LNS_SECRET);
          }
          return calls.call(TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getGetMethod(),
              GetGatewayRequest.newBuilder().setGatewayIds(ids).setFieldMask(mask).build(), what)
              .thenApply(RetryingCalls.Answer::message)
              .thenApply(gateway -> {
                UnknownFields.refuse(gateway, what);
                if (!gateway.getLbsLnsSecret().getValue().isEmpty()) {
                  withLnsKey.add(ref.id());
                }
                return fields.exported(gateway, withSecrets && secrets);
              });
        });
  }

  @Override
  public boolean needsLnsKey(String gatewayId) {
    return withLnsKey.contains(gatewayId);
  }

  @Override
  public Optional<CupsRedirect> cupsRedirect() {
    return Optional.of(new CupsRedirect() {
      @Override
      public CompletableFuture<LnsSettings> read(GatewayRef ref) {
        return calls.call(TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getGetMethod(),
                GetGatewayRequest.newBuilder().setGatewayIds(ids(ref)).setFieldMask(LNS_SETTINGS)
                    .build(), "reading the CUPS settings of gateway " + ref + " at the source")
            .thenApply(answer -> new LnsSettings(answer.message().getGatewayServerAddress(),
                answer.message().getLbsLnsSecret().getValue()));
      }

      @Override
      public CompletableFuture<Void> write(GatewayRef ref, LnsSettings settings) {
        Gateway gateway = Gateway.newBuilder().setIds(ids(ref))
            .setGatewayServerAddress(settings.gatewayServerAddress())
            .setLbsLnsSecret(Secret.newBuilder().setValue(settings.lnsSecret()))
            .build();
        return calls.call(TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getUpdateMethod(),
                UpdateGatewayRequest.newBuilder().setGateway(gateway).setFieldMask(LNS_SETTINGS)
                    .build(), "changing the CUPS settings of gateway " + ref + " at the source")
            .thenApply(answer -> null);
      }
    });
  }

  @Override
  public CompletableFuture<Void> delete(GatewayRef ref) {
    return TtsCallException.orIfNotFound(calls.call(TtsServer.IDENTITY_SERVER,
            GatewayRegistryGrpc.getDeleteMethod(), ids(ref),
            "deleting gateway " + ref + " at the source")
        .<Void>thenApply(answer -> null), null);
  }

  @Override
  public List<String> remarks() {
    long hidden = secretsHidden.get();
    if (hidden == 0) {
      return List.of();
    }
    return List.of(hidden + " gateway(s) were read without the right to read secrets"
        + " (GATEWAY_READ_SECRETS), so it cannot be seen whether they use LoRa Basics Station"
        + " with an LNS key (CUPS-managed or not): give the source key that right to have the"
        + " target create their LNS keys, or create them there with --create-lns-keys");
  }

  private static GatewayIdentifiers ids(GatewayRef ref) {
    return GatewayIdentifiers.newBuilder().setGatewayId(ref.id()).build();
  }

  @Override
  public void close() {
    calls.close();
  }
}
