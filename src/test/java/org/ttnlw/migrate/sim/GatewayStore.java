package org.ttnlw.migrate.sim;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;
import com.google.protobuf.util.Timestamps;
import com.google.protobuf.util.Values;
import io.grpc.StatusRuntimeException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.proto.APIKey;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayConnectionStats;
import org.ttnlw.migrate.proto.GatewayRemoteAddress;
import org.ttnlw.migrate.proto.Right;

/**
 * What the simulated Identity Server, Gateway Server and Device Claiming Server know of gateways:
 * the gateways (soft-deleted ones keep {@code deleted_at}), their collaborators, API keys,
 * connection stats, the account API keys, and the EUIs a claiming upstream covers. Thread-safe.
 */
final class GatewayStore {
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

  private final SecureRandom random = new SecureRandom();
  private final NavigableMap<String, Gateway> gateways = new TreeMap<>();
  private final Map<String, Map<AccountId, Set<Right>>> collaborators = new HashMap<>();
  /** Per user, the organizations it is a member of, with its rights as a member. */
  private final Map<AccountId, Map<AccountId, Set<Right>>> memberships = new HashMap<>();
  /** Per gateway, its API keys by key ID, each with its full text in {@code key}. */
  private final Map<String, Map<String, APIKey>> apiKeys = new HashMap<>();
  private final Map<String, GatewayCaller> accountKeys = new HashMap<>();
  private final Map<String, GatewayConnectionStats> stats = new HashMap<>();
  /** Claimable EUIs, each with whether its upstream manages it. */
  private final Map<ByteString, Boolean> claimable = new HashMap<>();

  synchronized void addAccountKey(String key, AccountId owner, Set<Right> rights) {
    accountKeys.put(key, GatewayCaller.ofAccount(owner, rights));
  }

  /** The caller a key authenticates: an account key, or an unexpired gateway API key. */
  synchronized Optional<GatewayCaller> caller(String key) {
    GatewayCaller account = accountKeys.get(key);
    if (account != null) {
      return Optional.of(account);
    }
    long now = System.currentTimeMillis();
    return apiKeys.entrySet().stream()
        .flatMap(gateway -> gateway.getValue().values().stream()
            .filter(apiKey -> apiKey.getKey().equals(key))
            .filter(apiKey -> !apiKey.hasExpiresAt()
                || Timestamps.toMillis(apiKey.getExpiresAt()) > now)
            .map(apiKey -> GatewayCaller.ofGateway(gateway.getKey(), Set.copyOf(
                apiKey.getRightsList()))))
        .findFirst();
  }

  synchronized void addMember(AccountId organization, AccountId user, Set<Right> rights) {
    memberships.computeIfAbsent(user, k -> new HashMap<>()).put(organization, Set.copyOf(rights));
  }

  /**
   * The caller's rights on a gateway: a gateway key's rights on its own gateway, or what both the
   * account key and the account's collaboration allow, directly or through an organization.
   */
  synchronized Set<Right> rightsOn(GatewayCaller caller, String gatewayId) {
    Set<Right> granted;
    if (caller.gatewayId().isPresent()) {
      granted = caller.gatewayId().get().equals(gatewayId)
          ? caller.keyRights() : EnumSet.noneOf(Right.class);
    } else {
      granted = collaborationRights(caller.account().orElseThrow(), gatewayId);
      granted.retainAll(caller.keyRights());
    }
    return GatewayRights.onGateway(granted);
  }

  private Set<Right> collaborationRights(AccountId account, String gatewayId) {
    Map<AccountId, Set<Right>> gatewayCollaborators =
        collaborators.getOrDefault(gatewayId, Map.of());
    Set<Right> rights = GatewayRights.expand(gatewayCollaborators.getOrDefault(account, Set.of()));
    memberships.getOrDefault(account, Map.of()).forEach((organization, asMember) -> {
      Set<Right> throughOrganization = GatewayRights.expand(
          gatewayCollaborators.getOrDefault(organization, Set.of()));
      throughOrganization.retainAll(GatewayRights.expand(asMember));
      rights.addAll(throughOrganization);
    });
    return rights;
  }

  /**
   * Stores a new gateway with the collaborator holding {@code RIGHT_ALL}; the ID must never have
   * been used and the EUI must not be held by a live gateway.
   */
  synchronized Gateway create(Gateway gateway, AccountId collaborator) {
    String id = gateway.getIds().getGatewayId();
    if (gateways.containsKey(id)) {
      throw TtsError.STORE_ID_TAKEN.toException(Map.of());
    }
    ByteString eui = gateway.getIds().getEui();
    if (!eui.isEmpty()) {
      liveWithEui(eui).ifPresent(holder -> {
        throw euiTaken(holder);
      });
    }
    Timestamp now = Timestamps.fromMillis(System.currentTimeMillis());
    Gateway.Builder created = gateway.toBuilder();
    if (!gateway.hasCreatedAt()) {
      created.setCreatedAt(now).setUpdatedAt(now);
    }
    Gateway stored = withFirstPlan(created.build());
    gateways.put(id, stored);
    collaborators.computeIfAbsent(id, k -> new HashMap<>())
        .put(collaborator, EnumSet.of(Right.RIGHT_ALL));
    return stored;
  }

  private static StatusRuntimeException euiTaken(Gateway holder) {
    Map<String, Value> attributes = new LinkedHashMap<>();
    attributes.put("gateway_eui", Values.of(hex(holder.getIds().getEui())));
    attributes.put("gateway_id", Values.of(holder.getIds().getGatewayId()));
    AccountId.of(holder.getAdministrativeContact()).ifPresent(contact ->
        attributes.put("administrative_contact", Values.of(contact.id())));
    return TtsError.GATEWAY_EUI_TAKEN.toException(attributes);
  }

  /** A gateway that is not deleted. */
  synchronized Optional<Gateway> live(String gatewayId) {
    return stored(gatewayId).filter(gateway -> !gateway.hasDeletedAt());
  }

  /** A gateway, deleted or not. */
  synchronized Optional<Gateway> stored(String gatewayId) {
    return Optional.ofNullable(gateways.get(gatewayId));
  }

  synchronized Optional<Gateway> liveWithEui(ByteString eui) {
    return gateways.values().stream()
        .filter(gateway -> !gateway.hasDeletedAt() && gateway.getIds().getEui().equals(eui))
        .findFirst();
  }

  /**
   * The gateways an account collaborates on, live or soft-deleted ones, by gateway ID; with
   * {@code viaOrganizations}, also those of the organizations a user is a member of.
   */
  synchronized List<Gateway> collaboratedBy(
      AccountId account, boolean viaOrganizations, boolean deleted) {
    Set<AccountId> collaborators = new HashSet<>(Set.of(account));
    if (viaOrganizations) {
      collaborators.addAll(memberships.getOrDefault(account, Map.of()).keySet());
    }
    return gateways.values().stream()
        .filter(gateway -> gateway.hasDeletedAt() == deleted)
        .filter(gateway -> collaborators.stream().anyMatch(
            collaborator -> isCollaborator(gateway.getIds().getGatewayId(), collaborator)))
        .toList();
  }

  synchronized boolean isCollaborator(String gatewayId, AccountId account) {
    return collaborators.getOrDefault(gatewayId, Map.of()).containsKey(account);
  }

  /** Replaces a live gateway by {@code change} of it. */
  synchronized Gateway update(String gatewayId, UnaryOperator<Gateway> change) {
    Gateway updated = withFirstPlan(change.apply(requireLive(gatewayId)));
    gateways.put(gatewayId, updated);
    return updated;
  }

  /** Soft-deletes a live gateway. */
  synchronized void delete(String gatewayId) {
    gateways.put(gatewayId, requireLive(gatewayId).toBuilder()
        .setDeletedAt(Timestamps.fromMillis(System.currentTimeMillis())).build());
  }

  /**
   * Undoes a soft delete no older than {@code windowMillis}; the gateway comes back without its
   * EUI if a live gateway holds that EUI now.
   */
  synchronized void restore(String gatewayId, long windowMillis) {
    Gateway deleted = stored(gatewayId).filter(Gateway::hasDeletedAt)
        .orElseThrow(() -> notFound(gatewayId));
    if (System.currentTimeMillis() - Timestamps.toMillis(deleted.getDeletedAt()) > windowMillis) {
      throw TtsError.RESTORE_WINDOW_EXPIRED.toException(Map.of());
    }
    Gateway.Builder restored = deleted.toBuilder().clearDeletedAt();
    if (liveWithEui(deleted.getIds().getEui()).isPresent()) {
      restored.getIdsBuilder().clearEui();
    }
    gateways.put(gatewayId, restored.build());
  }

  synchronized Gateway requireLive(String gatewayId) {
    return live(gatewayId).orElseThrow(() -> notFound(gatewayId));
  }

  static StatusRuntimeException notFound(String gatewayId) {
    return TtsError.GATEWAY_NOT_FOUND.toException(Map.of("gateway_id", Values.of(gatewayId)));
  }

  /** Adds an API key to a gateway; a {@code key} left empty gets a fresh TTS-style key text. */
  synchronized APIKey addApiKey(String gatewayId, APIKey apiKey) {
    String text = apiKey.getKey().isEmpty() ? newKeyText() : apiKey.getKey();
    String[] parts = text.split("\\.", 3);
    Timestamp now = Timestamps.fromMillis(System.currentTimeMillis());
    APIKey stored = apiKey.toBuilder()
        .setKey(text)
        .setId(parts.length == 3 ? parts[1] : text)
        .setCreatedAt(now)
        .setUpdatedAt(now)
        .build();
    apiKeys.computeIfAbsent(gatewayId, k -> new LinkedHashMap<>()).put(stored.getId(), stored);
    return stored;
  }

  /** A gateway's API keys in the order they were made, with their text. */
  synchronized List<APIKey> apiKeys(String gatewayId) {
    return List.copyOf(apiKeys.getOrDefault(gatewayId, Map.of()).values());
  }

  synchronized Optional<APIKey> apiKey(String gatewayId, String keyId) {
    return Optional.ofNullable(apiKeys.getOrDefault(gatewayId, Map.of()).get(keyId));
  }

  synchronized Optional<APIKey> updateApiKey(
      String gatewayId, String keyId, UnaryOperator<APIKey> change) {
    return apiKey(gatewayId, keyId).map(stored -> {
      APIKey updated = change.apply(stored).toBuilder()
          .setUpdatedAt(Timestamps.fromMillis(System.currentTimeMillis())).build();
      apiKeys.get(gatewayId).put(keyId, updated);
      return updated;
    });
  }

  synchronized boolean deleteApiKey(String gatewayId, String keyId) {
    return apiKeys.getOrDefault(gatewayId, new HashMap<>()).remove(keyId) != null;
  }

  /** The gateway is connected now, with fresh stats. */
  synchronized void connect(String gatewayId, String protocol) {
    requireLive(gatewayId);
    stats.put(gatewayId, GatewayConnectionStats.newBuilder()
        .setConnectedAt(Timestamps.fromMillis(System.currentTimeMillis()))
        .setProtocol(protocol)
        .setGatewayRemoteAddress(GatewayRemoteAddress.newBuilder().setIp("127.0.0.1"))
        .build());
  }

  /** The gateway is disconnected; its stats remain, with {@code disconnected_at} set. */
  synchronized void disconnect(String gatewayId) {
    GatewayConnectionStats current = stats.get(gatewayId);
    if (current != null && !current.hasDisconnectedAt()) {
      stats.put(gatewayId, current.toBuilder()
          .setDisconnectedAt(Timestamps.fromMillis(System.currentTimeMillis())).build());
    }
  }

  synchronized Optional<GatewayConnectionStats> stats(String gatewayId) {
    return Optional.ofNullable(stats.get(gatewayId));
  }

  /** Whether the gateway has a connection that has not ended. */
  synchronized boolean isConnected(String gatewayId) {
    return stats(gatewayId).filter(current -> !current.hasDisconnectedAt()).isPresent();
  }

  synchronized void declareClaimable(ByteString eui, boolean managed) {
    claimable.put(eui, managed);
  }

  /** For a claimable EUI, whether its upstream manages it. */
  synchronized Optional<Boolean> claimable(ByteString eui) {
    return Optional.ofNullable(claimable.get(eui));
  }

  /** The first frequency plan mirrored into the deprecated {@code frequency_plan_id}. */
  private static Gateway withFirstPlan(Gateway gateway) {
    return gateway.toBuilder()
        .setFrequencyPlanId(gateway.getFrequencyPlanIdsCount() == 0
            ? "" : gateway.getFrequencyPlanIds(0))
        .build();
  }

  static String hex(ByteString bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes.toByteArray());
  }

  private String newKeyText() {
    return "NNSXS." + base32(39) + "." + base32(64);
  }

  private String base32(int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(BASE32[random.nextInt(BASE32.length)]);
    }
    return text.toString();
  }
}
