package org.ttnlw.migrate.sim;

import com.google.protobuf.Empty;
import com.google.protobuf.util.Values;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ttnlw.migrate.proto.APIKey;
import org.ttnlw.migrate.proto.APIKeys;
import org.ttnlw.migrate.proto.CreateGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.DeleteGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.GatewayAccessGrpc;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GetGatewayAPIKeyRequest;
import org.ttnlw.migrate.proto.ListGatewayAPIKeysRequest;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.Rights;
import org.ttnlw.migrate.proto.UpdateGatewayAPIKeyRequest;

/**
 * The Identity Server's {@code GatewayAccess}: the caller's rights and the gateway's API keys. A
 * key's text is answered only by CreateAPIKey.
 */
final class GatewayAccessService {
  /** What UpdateAPIKey changes of the paths its mask allows; the others are server-set. */
  private static final Set<String> CHANGEABLE = Set.of("name", "rights", "expires_at");

  private final GatewayStore store;

  GatewayAccessService(GatewayStore store) {
    this.store = store;
  }

  Rights listRights(GatewayIdentifiers ids, GatewayCaller caller) {
    store.requireLive(ids.getGatewayId());
    return Rights.newBuilder()
        .addAllRights(store.rightsOn(caller, ids.getGatewayId()).stream()
            .sorted(Comparator.comparingInt(Right::getNumber)).toList())
        .build();
  }

  /** A new key, with its text; the caller must hold every right it grants. */
  APIKey createApiKey(CreateGatewayAPIKeyRequest request, GatewayCaller caller) {
    String id = request.getGatewayIds().getGatewayId();
    Set<Right> held = keysRights(id, caller);
    GatewayRights.requireOnGateway(held, id, request.getRightsList());
    APIKey.Builder key = APIKey.newBuilder()
        .setName(request.getName())
        .addAllRights(request.getRightsList());
    if (request.hasExpiresAt()) {
      key.setExpiresAt(request.getExpiresAt());
    }
    return store.addApiKey(id, key.build());
  }

  APIKeys listApiKeys(
      ListGatewayAPIKeysRequest request, GatewayCaller caller, Metadata responseHeaders) {
    String id = request.getGatewayIds().getGatewayId();
    keysRights(id, caller);
    APIKeys.Builder answer = APIKeys.newBuilder();
    GatewayServices.page(store.apiKeys(id), request.getLimit(), request.getPage(), responseHeaders)
        .forEach(key -> answer.addApiKeys(blanked(key)));
    return answer.build();
  }

  APIKey getApiKey(GetGatewayAPIKeyRequest request, GatewayCaller caller) {
    String id = request.getGatewayIds().getGatewayId();
    keysRights(id, caller);
    return blanked(store.apiKey(id, request.getKeyId())
        .orElseThrow(() -> keyNotFound(request.getKeyId())));
  }

  /** Changes the name, rights or expiry the mask names; new rights must be held. */
  APIKey updateApiKey(UpdateGatewayAPIKeyRequest request, GatewayCaller caller) {
    List<String> paths = FieldMaskRules.CURRENT.permitted(
        GatewayAccessGrpc.getUpdateAPIKeyMethod(), request.getFieldMask());
    String id = request.getGatewayIds().getGatewayId();
    Set<Right> held = keysRights(id, caller);
    if (paths.contains("rights")) {
      GatewayRights.requireOnGateway(held, id, request.getApiKey().getRightsList());
    }
    List<String> changed = paths.stream().filter(CHANGEABLE::contains).toList();
    String keyId = request.getApiKey().getId();
    return blanked(store.updateApiKey(id, keyId,
            stored -> MessageMasks.apply(stored, request.getApiKey(), changed))
        .orElseThrow(() -> keyNotFound(keyId)));
  }

  Empty deleteApiKey(DeleteGatewayAPIKeyRequest request, GatewayCaller caller) {
    String id = request.getGatewayIds().getGatewayId();
    keysRights(id, caller);
    if (!store.deleteApiKey(id, request.getKeyId())) {
      throw keyNotFound(request.getKeyId());
    }
    return Empty.getDefaultInstance();
  }

  /** The caller's rights on a live gateway, which must include managing its API keys. */
  private Set<Right> keysRights(String gatewayId, GatewayCaller caller) {
    store.requireLive(gatewayId);
    Set<Right> held = store.rightsOn(caller, gatewayId);
    GatewayRights.requireOnGateway(held, gatewayId, Right.RIGHT_GATEWAY_SETTINGS_API_KEYS);
    return held;
  }

  private static APIKey blanked(APIKey key) {
    return key.toBuilder().clearKey().build();
  }

  private static StatusRuntimeException keyNotFound(String keyId) {
    return TtsError.API_KEY_NOT_FOUND.toException(Map.of("api_key_id", Values.of(keyId)));
  }
}
