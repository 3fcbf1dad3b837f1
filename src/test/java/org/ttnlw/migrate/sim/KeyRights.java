package org.ttnlw.migrate.sim;

import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_DEVICES_READ;
import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_DEVICES_READ_KEYS;
import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_DEVICES_WRITE;
import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_DEVICES_WRITE_KEYS;
import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_INFO;
import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_SETTINGS_BASIC;
import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_SETTINGS_PACKAGES;
import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE;
import static org.ttnlw.migrate.proto.Right.RIGHT_APPLICATION_TRAFFIC_READ;

import com.google.protobuf.util.Values;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ttnlw.migrate.proto.ApplicationPackageRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationPubSubRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationRegistryGrpc;
import org.ttnlw.migrate.proto.ApplicationWebhookRegistryGrpc;
import org.ttnlw.migrate.proto.AsGrpc;
import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.proto.Right;

/**
 * The rights of the simulator's API key on its applications, and the rights each application-level
 * RPC checks, as the v3.32.1 facts list them. RIGHT_APPLICATION_ALL stands for every application
 * right. A call short of a right fails with PermissionDenied; the facts give the rights, not that
 * error's name and wording, which follow TTS's {@code pkg/auth/rights}. ApplicationRegistry/Create
 * needs USER_APPLICATIONS_CREATE for a user collaborator, ORGANIZATION_APPLICATIONS_CREATE for an
 * organization; the simulator does not model whose key it is, only whether it holds that right.
 * Get without APPLICATION_INFO is refused whatever its mask, where TTS would answer a mask of
 * public fields. The {@code *_ALL} rights stand for every right of their kind.
 */
final class KeyRights {
  private static final TtsError INSUFFICIENT = new TtsError(Status.Code.PERMISSION_DENIED,
      "pkg/auth/rights", "insufficient_application_rights",
      "insufficient rights for application `{uid}`");
  private static final Set<Right> TRAFFIC_WRITE = Set.of(RIGHT_APPLICATION_SETTINGS_BASIC,
      RIGHT_APPLICATION_TRAFFIC_READ, RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE);
  private static final Map<MethodDescriptor<?, ?>, Set<Right>> REQUIRED = Map.ofEntries(
      Map.entry(ApplicationRegistryGrpc.getGetMethod(), Set.of(RIGHT_APPLICATION_INFO)),
      Map.entry(ApplicationRegistryGrpc.getUpdateMethod(),
          Set.of(RIGHT_APPLICATION_SETTINGS_BASIC)),
      Map.entry(AsGrpc.getGetLinkMethod(), Set.of(RIGHT_APPLICATION_SETTINGS_BASIC)),
      Map.entry(AsGrpc.getSetLinkMethod(), Set.of(RIGHT_APPLICATION_SETTINGS_BASIC)),
      Map.entry(ApplicationWebhookRegistryGrpc.getGetMethod(),
          Set.of(RIGHT_APPLICATION_TRAFFIC_READ)),
      Map.entry(ApplicationWebhookRegistryGrpc.getListMethod(),
          Set.of(RIGHT_APPLICATION_TRAFFIC_READ)),
      Map.entry(ApplicationWebhookRegistryGrpc.getSetMethod(), TRAFFIC_WRITE),
      Map.entry(ApplicationPubSubRegistryGrpc.getGetMethod(),
          Set.of(RIGHT_APPLICATION_TRAFFIC_READ)),
      Map.entry(ApplicationPubSubRegistryGrpc.getListMethod(),
          Set.of(RIGHT_APPLICATION_TRAFFIC_READ)),
      Map.entry(ApplicationPubSubRegistryGrpc.getSetMethod(), TRAFFIC_WRITE),
      Map.entry(ApplicationPackageRegistryGrpc.getGetDefaultAssociationMethod(),
          Set.of(RIGHT_APPLICATION_SETTINGS_PACKAGES)),
      Map.entry(ApplicationPackageRegistryGrpc.getListDefaultAssociationsMethod(),
          Set.of(RIGHT_APPLICATION_SETTINGS_PACKAGES)),
      Map.entry(ApplicationPackageRegistryGrpc.getSetDefaultAssociationMethod(),
          Set.of(RIGHT_APPLICATION_SETTINGS_PACKAGES)));

  private static final List<String> KEY_PATHS = List.of("root_keys", "session.keys",
      "pending_session.keys", "pending_mac_state.queued_join_accept.keys");

  private final Set<Right> held;
  private final MissingApplicationRights missing;

  KeyRights(Set<Right> held, MissingApplicationRights missing) {
    this.held = GatewayRights.expand(held);
    this.missing = missing;
  }

  /**
   * What ApplicationAccess/ListRights answers: the application rights held; on a missing
   * application, none or NotFound as {@code missing} says.
   */
  List<Right> listed(String applicationId, boolean applicationExists) {
    if (!applicationExists) {
      if (missing == MissingApplicationRights.NOT_FOUND) {
        throw TtsError.APPLICATION_NOT_FOUND.toException(
            Map.of("application_id", Values.of(applicationId)));
      }
      return List.of();
    }
    return held.stream().filter(right -> right.name().startsWith("RIGHT_APPLICATION_")).toList();
  }

  /** Fails ApplicationRegistry/Create when the key may not create applications for the owner. */
  void checkCreate(OrganizationOrUserIdentifiers collaborator) {
    boolean organization = collaborator.hasOrganizationIds();
    if (!organization && !collaborator.hasUserIds()) {
      throw TtsError.INVALID_FIELD.toException(Map.of("field", Values.of("collaborator"),
          "reason", Values.of("required")));
    }
    Right needed = organization ? Right.RIGHT_ORGANIZATION_APPLICATIONS_CREATE
        : Right.RIGHT_USER_APPLICATIONS_CREATE;
    if (!held.contains(needed)) {
      throw (organization ? TtsError.INSUFFICIENT_ORGANIZATION_RIGHTS
          : TtsError.INSUFFICIENT_USER_RIGHTS).toException(Map.of(
              "uid", Values.of(organization ? collaborator.getOrganizationIds().getOrganizationId()
                  : collaborator.getUserIds().getUserId()),
              "missing", Values.of(needed.name())));
    }
  }

  /**
   * Fails an end-device registry call when the key lacks a right TTS checks for it: reads need
   * APPLICATION_DEVICES_READ, writes APPLICATION_DEVICES_WRITE, and a mask that names or holds a
   * key (root keys, session keys) also the READ_KEYS or WRITE_KEYS right.
   */
  void checkDevices(MethodDescriptor<?, ?> method, List<String> paths, String applicationId) {
    String name = method.getBareMethodName();
    boolean read = name.startsWith("Get") || name.startsWith("List");
    Set<Right> needed = EnumSet.of(read ? RIGHT_APPLICATION_DEVICES_READ
        : RIGHT_APPLICATION_DEVICES_WRITE);
    if (paths.stream().anyMatch(KeyRights::touchesKeys)) {
      needed.add(read ? RIGHT_APPLICATION_DEVICES_READ_KEYS
          : RIGHT_APPLICATION_DEVICES_WRITE_KEYS);
    }
    if (!held.containsAll(needed)) {
      throw INSUFFICIENT.toException(Map.of("uid", Values.of(applicationId)));
    }
  }

  /**
   * Fails a MAC settings profile call when the key lacks APPLICATION_DEVICES_READ (a read) or
   * APPLICATION_DEVICES_WRITE (a write), the rights the facts give for them.
   */
  void checkProfiles(boolean read, String applicationId) {
    if (!held.contains(read ? RIGHT_APPLICATION_DEVICES_READ : RIGHT_APPLICATION_DEVICES_WRITE)) {
      throw INSUFFICIENT.toException(Map.of("uid", Values.of(applicationId)));
    }
  }

  /** Whether a mask path is a key, holds one, or lies inside one. */
  private static boolean touchesKeys(String path) {
    return KEY_PATHS.stream().anyMatch(key -> key.equals(path) || key.startsWith(path + ".")
        || path.startsWith(key + "."));
  }

  /** Fails the call when the key lacks a right that {@code method} checks. */
  void check(MethodDescriptor<?, ?> method, String applicationId) {
    if (!held.containsAll(REQUIRED.getOrDefault(method, Set.of()))) {
      throw INSUFFICIENT.toException(Map.of("uid", Values.of(applicationId)));
    }
  }
}
