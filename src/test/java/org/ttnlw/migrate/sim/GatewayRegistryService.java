package org.ttnlw.migrate.sim;

import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import com.google.protobuf.util.Values;
import io.grpc.Metadata;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.ttnlw.migrate.proto.CreateGatewayRequest;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayClaimAuthenticationCode;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.Gateways;
import org.ttnlw.migrate.proto.GetGatewayIdentifiersForEUIRequest;
import org.ttnlw.migrate.proto.GetGatewayRequest;
import org.ttnlw.migrate.proto.ListGatewaysRequest;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.proto.UpdateGatewayRequest;

/** The Identity Server's {@code GatewayRegistry}, with TTS v3.32's rights, masks and errors. */
final class GatewayRegistryService {
  private static final long RESTORE_WINDOW_MILLIS = Duration.ofHours(24).toMillis();
  private static final Pattern GATEWAY_ID = Pattern.compile("^[a-z0-9](?:[-]?[a-z0-9]){2,}$");
  private static final int MAX_ID_LENGTH = 36;
  /** What an Update needs no more than {@code GATEWAY_LINK} for, as a gateway reports them. */
  private static final Set<String> LINK_PATHS = Set.of("antennas", "attributes");

  private final GatewayStore store;

  GatewayRegistryService(GatewayStore store) {
    this.store = store;
  }

  /**
   * Stores the gateway for a collaborator the key speaks for; contacts default to, and must be,
   * the collaborator.
   */
  Gateway create(CreateGatewayRequest request, GatewayCaller caller) {
    AccountId collaborator = AccountId.of(request.getCollaborator())
        .orElseThrow(() -> GatewayServices.invalid("collaborator", "required"));
    GatewayRights.requireOfAccount(caller, collaborator, collaborator.createGatewaysRight());
    Gateway gateway = request.getGateway();
    String id = gateway.getIds().getGatewayId();
    if (id.length() > MAX_ID_LENGTH || !GATEWAY_ID.matcher(id).matches()) {
      throw GatewayServices.invalid("gateway.ids.gateway_id",
          "must match " + GATEWAY_ID.pattern() + " in at most " + MAX_ID_LENGTH + " characters");
    }
    if (gateway.hasClaimAuthenticationCode()) {
      checkClaimCode(gateway.getClaimAuthenticationCode());
    }
    Gateway.Builder created = gateway.toBuilder()
        .clearCreatedAt().clearUpdatedAt().clearDeletedAt()
        .setAdministrativeContact(contact(gateway.getAdministrativeContact(), collaborator))
        .setTechnicalContact(contact(gateway.getTechnicalContact(), collaborator));
    if (created.getFrequencyPlanIdsCount() == 0 && !created.getFrequencyPlanId().isEmpty()) {
      created.addFrequencyPlanIds(created.getFrequencyPlanId());
    }
    return store.create(created.build(), collaborator);
  }

  private static OrganizationOrUserIdentifiers contact(
      OrganizationOrUserIdentifiers contact, AccountId collaborator) {
    AccountId named = AccountId.of(contact).orElse(collaborator);
    if (!named.equals(collaborator)) {
      throw noCollaborator(named);
    }
    return collaborator.toIdentifiers();
  }

  private static void checkClaimCode(GatewayClaimAuthenticationCode code) {
    boolean valid = code.hasSecret() && !code.getSecret().getValue().isEmpty()
        && (!code.hasValidFrom() || !code.hasValidTo()
            || Timestamps.compare(code.getValidTo(), code.getValidFrom()) >= 0);
    if (!valid) {
      throw TtsError.CLAIM_AUTHENTICATION_CODE.toException(Map.of());
    }
  }

  /**
   * The masked fields; secrets need {@code GATEWAY_READ_SECRETS}, and without {@code
   * GATEWAY_INFO} only a mask of public fields is answered, public-safe.
   */
  Gateway get(GetGatewayRequest request, GatewayCaller caller) {
    List<String> paths = FieldMaskRules.CURRENT.permitted(
        GatewayRegistryGrpc.getGetMethod(), request.getFieldMask());
    String id = request.getGatewayIds().getGatewayId();
    Gateway stored = store.requireLive(id);
    Set<Right> rights = store.rightsOn(caller, id);
    if (!rights.contains(Right.RIGHT_GATEWAY_INFO)) {
      if (!GatewayMasks.onlyPublic(paths)) {
        throw GatewayRights.missingOnGateway(id, Right.RIGHT_GATEWAY_INFO);
      }
      return GatewayMasks.publicSafe(GatewayMasks.select(stored, paths));
    }
    if (GatewayMasks.namesSecret(paths)) {
      GatewayRights.requireOnGateway(rights, id, Right.RIGHT_GATEWAY_READ_SECRETS);
    }
    return GatewayMasks.select(stored, paths);
  }

  /** The live gateway holding an EUI; soft-deleted ones are not found. */
  GatewayIdentifiers identifiersForEui(GetGatewayIdentifiersForEUIRequest request) {
    return store.liveWithEui(request.getEui())
        .map(Gateway::getIds)
        .orElseThrow(() -> TtsError.GATEWAY_NOT_FOUND_BY_EUI.toException(
            Map.of("gateway_eui", Values.of(GatewayStore.hex(request.getEui())))));
  }

  /**
   * One page of the gateways the key's account collaborates on, through its organizations too when
   * the request names no collaborator; the header tells the total. Secrets without {@code
   * GATEWAY_READ_SECRETS} are silently left empty.
   */
  Gateways list(ListGatewaysRequest request, GatewayCaller caller, Metadata responseHeaders) {
    List<String> paths = FieldMaskRules.CURRENT.permitted(
        GatewayRegistryGrpc.getListMethod(), request.getFieldMask());
    AccountId collaborator = AccountId.of(request.getCollaborator())
        .or(caller::account)
        .orElse(new AccountId(false, ""));
    GatewayRights.requireOfAccount(caller, collaborator, collaborator.listGatewaysRight());
    List<Gateway> matching = store.collaboratedBy(
            collaborator, !request.hasCollaborator(), request.getDeleted()).stream()
        .filter(updatedSince(request))
        .sorted(order(request.getOrder()))
        .toList();
    Gateways.Builder answer = Gateways.newBuilder();
    GatewayServices.page(matching, request.getLimit(), request.getPage(), responseHeaders)
        .forEach(gateway -> answer.addGateways(listed(gateway, paths, caller)));
    return answer.build();
  }

  private Gateway listed(Gateway stored, List<String> paths, GatewayCaller caller) {
    Set<Right> rights = store.rightsOn(caller, stored.getIds().getGatewayId());
    Gateway gateway = GatewayMasks.select(stored, paths);
    if (!rights.contains(Right.RIGHT_GATEWAY_INFO)) {
      gateway = GatewayMasks.publicSafe(gateway);
    }
    return rights.contains(Right.RIGHT_GATEWAY_READ_SECRETS)
        ? gateway : GatewayMasks.withoutSecrets(gateway);
  }

  private static Predicate<Gateway> updatedSince(ListGatewaysRequest request) {
    return gateway -> request.getFiltersList().stream()
        .filter(ListGatewaysRequest.Filter::hasUpdatedSince)
        .allMatch(filter ->
            Timestamps.compare(gateway.getUpdatedAt(), filter.getUpdatedSince()) >= 0);
  }

  private static Comparator<Gateway> order(String order) {
    Comparator<Gateway> byId = Comparator.comparing(gateway -> gateway.getIds().getGatewayId());
    Comparator<Gateway> byCreation =
        Comparator.comparing(Gateway::getCreatedAt, Timestamps::compare);
    return switch (order) {
      case "", "gateway_id" -> byId;
      case "-gateway_id" -> byId.reversed();
      case "created_at" -> byCreation.thenComparing(byId);
      case "-created_at" -> byCreation.reversed().thenComparing(byId);
      default -> throw GatewayServices.invalid("order",
          "the simulator orders by gateway_id or created_at, not " + order);
    };
  }

  /**
   * Set semantics on the masked paths. {@code GATEWAY_SETTINGS_BASIC}, or {@code GATEWAY_LINK}
   * for antennas and attributes alone; secrets need {@code GATEWAY_WRITE_SECRETS}.
   */
  Gateway update(UpdateGatewayRequest request, GatewayCaller caller) {
    List<String> requested = FieldMaskRules.CURRENT.permitted(
        GatewayRegistryGrpc.getUpdateMethod(), request.getFieldMask());
    String id = request.getGateway().getIds().getGatewayId();
    Gateway stored = store.requireLive(id);
    List<String> paths = GatewayMasks.writable(requested);
    Set<Right> rights = store.rightsOn(caller, id);
    boolean linkOnly = !paths.isEmpty() && LINK_PATHS.containsAll(paths);
    if (!(linkOnly && rights.contains(Right.RIGHT_GATEWAY_LINK))) {
      GatewayRights.requireOnGateway(rights, id, Right.RIGHT_GATEWAY_SETTINGS_BASIC);
    }
    if (GatewayMasks.namesSecret(paths)) {
      GatewayRights.requireOnGateway(rights, id, Right.RIGHT_GATEWAY_WRITE_SECRETS);
    }
    if (paths.isEmpty()) {
      return GatewayMasks.select(stored, paths);
    }
    Gateway changes = request.getGateway();
    if (requested.contains("frequency_plan_id") && !requested.contains("frequency_plan_ids")) {
      Gateway.Builder plans = changes.toBuilder().clearFrequencyPlanIds();
      if (!changes.getFrequencyPlanId().isEmpty()) {
        plans.addFrequencyPlanIds(changes.getFrequencyPlanId());
      }
      changes = plans.build();
    }
    requireCollaborator(id, paths, "administrative_contact", changes.getAdministrativeContact());
    requireCollaborator(id, paths, "technical_contact", changes.getTechnicalContact());
    Gateway written = changes;
    Timestamp now = Timestamps.fromMillis(System.currentTimeMillis());
    Gateway updated = store.update(id, current ->
        MessageMasks.apply(current, written, paths).toBuilder().setUpdatedAt(now).build());
    return GatewayMasks.select(updated, paths);
  }

  private void requireCollaborator(String gatewayId, List<String> paths, String field,
      OrganizationOrUserIdentifiers contact) {
    boolean written = paths.stream()
        .anyMatch(path -> path.equals(field) || path.startsWith(field + "."));
    if (written) {
      AccountId.of(contact)
          .filter(account -> !store.isCollaborator(gatewayId, account))
          .ifPresent(account -> {
            throw noCollaborator(account);
          });
    }
  }

  private static io.grpc.StatusRuntimeException noCollaborator(AccountId contact) {
    return TtsError.CONTACT_NO_COLLABORATOR.toException(
        Map.of("contact", Values.of(contact.id())));
  }

  /** Soft delete: the ID stays taken, the EUI is free for others. */
  Empty delete(GatewayIdentifiers ids, GatewayCaller caller) {
    String id = ids.getGatewayId();
    store.requireLive(id);
    GatewayRights.requireOnGateway(store.rightsOn(caller, id), id, Right.RIGHT_GATEWAY_DELETE);
    store.delete(id);
    return Empty.getDefaultInstance();
  }

  Empty restore(GatewayIdentifiers ids, GatewayCaller caller) {
    String id = ids.getGatewayId();
    store.stored(id).filter(Gateway::hasDeletedAt)
        .orElseThrow(() -> GatewayStore.notFound(id));
    GatewayRights.requireOnGateway(store.rightsOn(caller, id), id, Right.RIGHT_GATEWAY_DELETE);
    store.restore(id, RESTORE_WINDOW_MILLIS);
    return Empty.getDefaultInstance();
  }
}
