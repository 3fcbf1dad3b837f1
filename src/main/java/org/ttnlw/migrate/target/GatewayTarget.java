package org.ttnlw.migrate.target;

import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import io.grpc.Status;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.pipeline.Delivery;
import org.ttnlw.migrate.pipeline.TargetOutcome;
import org.ttnlw.migrate.proto.CreateGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.CreateGatewayRequest;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAccessGrpc;
import org.ttnlw.migrate.proto.GatewayClaimingServerGrpc;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.GetGatewayIdentifiersForEUIRequest;
import org.ttnlw.migrate.proto.GetGatewayRequest;
import org.ttnlw.migrate.proto.GetInfoByGatewayEUIRequest;
import org.ttnlw.migrate.proto.ListGatewaysRequest;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.Secret;
import org.ttnlw.migrate.proto.UpdateGatewayRequest;
import org.ttnlw.migrate.tts.Collaborator;
import org.ttnlw.migrate.tts.Difference;
import org.ttnlw.migrate.tts.GatewayFields;
import org.ttnlw.migrate.tts.MessageComparison;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsCallException;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Registers gateways in the target: checks that no other gateway holds the EUI and that the
 * gateway is not a managed (claimable) one, creates it with the collaborator and the target's
 * Gateway Server address, gives a LoRa Basics Station gateway a fresh LNS key, and reads it back.
 * A gateway already there that matches is "already migrated" (no second Create, no new key); one
 * that differs is reported and left as it is. What a failed registration created is deleted
 * again.
 */
public final class GatewayTarget implements Delivery<Gateway> {
  private static final Logger log = LoggerFactory.getLogger(GatewayTarget.class);
  static final String LNS_KEY_NAME = "ttn-lw-migrate LNS key";
  /** The journal's note of the ID of the LNS key a run created for a gateway it created. */
  public static final String LNS_KEY_NOTE = "target-lns-key-id";
  private static final int LNS_PORT = 8887;

  private final GatewayTargetConfig config;
  private final RegistryCalls calls;
  private final KeysFile keys;
  private final Predicate<String> needsLnsKey;
  private final boolean dryRun;
  private final GatewayFields fields = GatewayFields.bundled();
  private final FieldMask compared;

  /**
   * @param needsLnsKey whether a gateway (by ID) connects with an LNS key and gets one here
   */
  public GatewayTarget(GatewayTargetConfig config, CallSettings context, KeysFile keys,
      Predicate<String> needsLnsKey, boolean dryRun) {
    this.config = config;
    this.calls = new RegistryCalls(config.connection(), context);
    this.keys = keys;
    this.needsLnsKey = needsLnsKey;
    this.dryRun = dryRun;
    this.compared = compared(fields);
  }

  /** What is compared of a gateway in the target with what a run wanted there. */
  static FieldMask compared(GatewayFields fields) {
    return fields.readMask(false).toBuilder().addPaths("gateway_server_address").build();
  }

  /**
   * Checks, before the first gateway, that the key reaches the target and may list the
   * collaborator's gateways: one List of at most one gateway.
   *
   * @throws ConfigException when it does not
   */
  public void checkAccess() {
    ListGatewaysRequest request = ListGatewaysRequest.newBuilder()
        .setCollaborator(config.collaborator())
        .setFieldMask(FieldMask.newBuilder().addPaths("ids"))
        .setLimit(1)
        .build();
    String who = Collaborator.describe(config.collaborator());
    try {
      Futures.await(calls.call(TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getListMethod(),
          request, "checking the gateways of " + who + " in the target"));
    } catch (TtsCallException e) {
      String hint = switch (e.code()) {
        case PERMISSION_DENIED, UNAUTHENTICATED -> "; check --target.gateway-api-key: it needs the"
            + " rights to list and create the gateways of " + who + " (USER_GATEWAYS_LIST and"
            + " USER_GATEWAYS_CREATE, or the ORGANIZATION_ ones)";
        case NOT_FOUND -> "; check --target.collaborator: " + who + " is not in the target";
        default -> "";
      };
      throw new ConfigException(e.getMessage() + hint);
    }
  }

  public String gatewayServerAddress() {
    return config.gatewayServerAddress();
  }

  /** The LNS URI Basics Station gateways get, e.g. {@code wss://eu1.cloud.thethings.network:8887}. */
  public String lnsUri() {
    return "wss://" + config.gatewayServerHost() + ":" + LNS_PORT;
  }

  /** The LNS key this run (or an earlier one, per the keys file) created for the gateway. */
  public Optional<String> lnsKey(String gatewayId) {
    return keys.key(gatewayId);
  }

  public KeysFile keysFile() {
    return keys;
  }

  @Override
  public boolean writes() {
    return !dryRun;
  }

  @Override
  public CompletableFuture<Delivered<Gateway>> deliver(Gateway exported, boolean resumed) {
    // A file from elsewhere (ttn-lw-cli gateways get) may carry what never moves: drop it.
    Gateway wanted = fields.exported(exported, true).toBuilder()
        .setGatewayServerAddress(config.gatewayServerAddress())
        .build();
    String id = wanted.getIds().getGatewayId();
    return euiHolder(wanted)
        .thenCompose(holder -> {
          if (holder.isPresent() && !holder.get().equals(id)) {
            throw new TargetDeviceException("gateway " + id + ": its EUI " + eui(wanted)
                + " is registered in the target as gateway " + holder.get() + " (by you or"
                + " someone else); delete that one there first, or ask its owner to", null);
          }
          return holder.isPresent() ? CompletableFuture.completedFuture(false) : claimable(wanted);
        })
        .thenCompose(managed -> {
          if (managed) {
            throw new TargetDeviceException("gateway " + id + " (EUI " + eui(wanted) + ") is a"
                + " managed gateway the target can claim: claim it there with its claim"
                + " authentication code (Console, or ttn-lw-cli gateways claim) instead; it is"
                + " never registered by hand", null);
          }
          return read(id);
        })
        .thenCompose(existing -> existing.isPresent()
            ? existing(wanted, existing.get(), resumed)
            : create(wanted));
  }

  /** The ID of the live gateway holding the EUI in the target, if any. */
  private CompletableFuture<Optional<String>> euiHolder(Gateway wanted) {
    if (wanted.getIds().getEui().isEmpty()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return TtsCallException.orIfNotFound(calls.call(TtsServer.IDENTITY_SERVER,
            GatewayRegistryGrpc.getGetIdentifiersForEUIMethod(),
            GetGatewayIdentifiersForEUIRequest.newBuilder().setEui(wanted.getIds().getEui())
                .build(), "looking up EUI " + eui(wanted) + " in the target")
        .thenApply(answer -> Optional.of(answer.message().getGatewayId())), Optional.empty());
  }

  /** Whether the target's claiming server can claim the EUI; false where it has none. */
  private CompletableFuture<Boolean> claimable(Gateway wanted) {
    if (wanted.getIds().getEui().isEmpty()) {
      return CompletableFuture.completedFuture(false);
    }
    return calls.call(TtsServer.IDENTITY_SERVER,
            GatewayClaimingServerGrpc.getGetInfoByGatewayEUIMethod(),
            GetInfoByGatewayEUIRequest.newBuilder().setEui(wanted.getIds().getEui()).build(),
            "asking the target whether EUI " + eui(wanted) + " is claimable")
        .thenApply(answer -> answer.message().getSupportsClaiming())
        .exceptionally(failure -> {
          if (Futures.unwrap(failure) instanceof TtsCallException call
              && (call.code() == Status.Code.UNIMPLEMENTED || call.isNotFound())) {
            return false;
          }
          throw Futures.unwrap(failure);
        });
  }

  private CompletableFuture<Optional<Gateway>> read(String id) {
    return read(calls, compared, id);
  }

  /** The gateway's fields in the mask, if it is in the target (and not deleted). */
  static CompletableFuture<Optional<Gateway>> read(RegistryCalls calls, FieldMask mask,
      String id) {
    return TtsCallException.orIfNotFound(calls.call(TtsServer.IDENTITY_SERVER,
            GatewayRegistryGrpc.getGetMethod(),
            GetGatewayRequest.newBuilder().setGatewayIds(ids(id)).setFieldMask(mask).build(),
            "reading gateway " + id + " in the target")
        .thenApply(answer -> Optional.of(answer.message())), Optional.empty());
  }

  private CompletableFuture<Delivered<Gateway>> create(Gateway wanted) {
    String id = wanted.getIds().getGatewayId();
    if (dryRun) {
      return CompletableFuture.completedFuture(
          new Delivered<>(wanted, TargetOutcome.WOULD_CREATE));
    }
    return calls.call(TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getCreateMethod(),
            CreateGatewayRequest.newBuilder().setGateway(wanted)
                .setCollaborator(config.collaborator()).build(),
            "creating gateway " + id + " in the target")
        .handle((created, failure) -> {
          if (failure != null) {
            throw explainCreate(id, Futures.unwrap(failure));
          }
          return created;
        })
        .thenCompose(created -> lnsKeyIfNeeded(wanted)
            .thenCompose(keyId -> verify(wanted).thenApply(verified -> created(wanted, keyId)))
            .handle((delivered, failure) -> failure == null
                ? CompletableFuture.completedFuture(delivered)
                : this.<Delivered<Gateway>>rollBack(id, Futures.unwrap(failure)))
            .thenCompose(next -> next));
  }

  private RuntimeException explainCreate(String id, RuntimeException failure) {
    if (!(failure instanceof TtsCallException call)) {
      return failure;
    }
    return switch (call.errorName()) {
      case "gateway_eui_taken", "eui_taken" -> new TargetDeviceException("gateway " + id
          + ": its EUI is registered in the target as gateway " + call.attribute("gateway_id")
          + " (by you or someone else) since this run checked; delete that one there first",
          failure);
      case "id_taken" -> new TargetDeviceException("gateway " + id + ": the ID is taken in the"
          + " target, possibly by a deleted gateway (IDs stay reserved until an administrator"
          + " purges them); ask an administrator to purge it, or register the gateway under"
          + " another ID", failure);
      default -> call.code() == Status.Code.PERMISSION_DENIED
          ? new TargetDeviceException(failure.getMessage() + "; check --target.gateway-api-key:"
              + " it needs the right to create gateways of "
              + Collaborator.describe(config.collaborator()) + " (USER_GATEWAYS_CREATE or"
              + " ORGANIZATION_GATEWAYS_CREATE)", failure)
          : failure;
    };
  }

  /** A gateway this run created, with the ID of the LNS key it created for it, if any. */
  private static Delivered<Gateway> created(Gateway wanted, Optional<String> keyId) {
    return new Delivered<>(wanted, TargetOutcome.CREATED, List.of(),
        keyId.map(id -> Map.of(LNS_KEY_NOTE, id)).orElse(Map.of()));
  }

  /**
   * Creates and stores the gateway's LNS key, unless it needs none or has one already; the ID
   * of the key created.
   */
  private CompletableFuture<Optional<String>> lnsKeyIfNeeded(Gateway wanted) {
    String id = wanted.getIds().getGatewayId();
    if (!needsLnsKey.test(id) || keys.key(id).isPresent()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return calls.call(TtsServer.IDENTITY_SERVER, GatewayAccessGrpc.getCreateAPIKeyMethod(),
            CreateGatewayAPIKeyRequest.newBuilder().setGatewayIds(ids(id)).setName(LNS_KEY_NAME)
                .addRights(Right.RIGHT_GATEWAY_LINK).addRights(Right.RIGHT_GATEWAY_INFO).build(),
            "creating an LNS key for gateway " + id + " in the target")
        .thenCompose(answer -> {
          String key = answer.message().getKey();
          try {
            keys.add(id, eui(wanted), lnsUri(), key);
          } catch (IOException e) {
            throw new TargetDeviceException("gateway " + id + ": writing its LNS key to "
                + keys.path() + " failed (" + e.getMessage() + ")", e);
          }
          Gateway secret = Gateway.newBuilder().setIds(ids(id))
              .setLbsLnsSecret(Secret.newBuilder()
                  .setValue(ByteString.copyFromUtf8(key))).build();
          return calls.call(TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getUpdateMethod(),
              UpdateGatewayRequest.newBuilder().setGateway(secret)
                  .setFieldMask(FieldMask.newBuilder().addPaths("lbs_lns_secret")).build(),
              "storing the LNS key of gateway " + id + " in the target")
              .thenApply(stored -> Optional.of(answer.message().getId()));
        });
  }

  private CompletableFuture<Void> verify(Gateway wanted) {
    String id = wanted.getIds().getGatewayId();
    return read(id).thenApply(read -> {
      if (read.isEmpty()) {
        throw new TargetDeviceException("gateway " + id + ": reading it back from the target"
            + " found it missing", null);
      }
      List<Difference> differing = differences(wanted, read.get());
      if (!differing.isEmpty()) {
        throw new TargetDeviceException("gateway " + id + ": reading it back from the target"
            + " differs in " + Difference.describe(differing), null);
      }
      return null;
    });
  }

  private List<Difference> differences(Gateway wanted, Gateway found) {
    return MessageComparison.differences(wanted, found, compared.getPathsList());
  }

  private <T> CompletableFuture<T> rollBack(String id, RuntimeException failure) {
    return calls.call(TtsServer.IDENTITY_SERVER, GatewayRegistryGrpc.getDeleteMethod(), ids(id),
            "deleting the half-registered gateway " + id + " from the target")
        .handle((deleted, deleteFailure) -> {
          if (deleteFailure != null) {
            throw new TargetDeviceException(failure.getMessage() + "; deleting what was created"
                + " of it in the target failed too (" + Futures.unwrap(deleteFailure).getMessage()
                + "): delete gateway " + id + " there by hand", failure);
          }
          throw new TargetDeviceException(failure.getMessage() + "; the gateway was deleted from"
              + " the target again (its ID stays reserved there until an administrator purges"
              + " it)", failure);
        });
  }

  private CompletableFuture<Delivered<Gateway>> existing(Gateway wanted, Gateway found,
      boolean resumed) {
    String id = wanted.getIds().getGatewayId();
    List<Difference> differing = differences(wanted, found);
    if (!differing.isEmpty()) {
      return CompletableFuture.failedFuture(TargetDeviceException.differs("gateway " + id + " is"
          + " already in the target and differs in " + Difference.describe(differing)
          + "; it was left as it is (change it there, or delete it there and run again)",
          Difference.paths(differing)));
    }
    if (!resumed || dryRun) {
      log.debug("gateway {}: already in the target, equal", id);
      return CompletableFuture.completedFuture(
          new Delivered<>(wanted, TargetOutcome.ALREADY_MIGRATED));
    }
    // An earlier run created it and stopped before recording it: finish what it left.
    return lnsKeyIfNeeded(wanted).thenApply(keyId -> created(wanted, keyId));
  }

  static GatewayIdentifiers ids(String id) {
    return GatewayIdentifiers.newBuilder().setGatewayId(id).build();
  }

  private static String eui(Gateway gateway) {
    return HexFormat.of().withUpperCase().formatHex(gateway.getIds().getEui().toByteArray());
  }

  @Override
  public void close() {
    calls.close();
  }
}
