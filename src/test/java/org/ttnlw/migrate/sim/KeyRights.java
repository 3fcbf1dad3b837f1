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
import org.ttnlw.migrate.proto.Right;

/**
 * The rights of the simulator's API key on its applications, and the rights each application-level
 * RPC checks, as the v3.32.1 facts list them. RIGHT_APPLICATION_ALL stands for every application
 * right. A call short of a right fails with PermissionDenied; the facts give the rights, not that
 * error's name and wording, which follow TTS's {@code pkg/auth/rights}. ApplicationRegistry/Create
 * checks user or organization rights, which the simulator does not model. Get without
 * APPLICATION_INFO is refused whatever its mask, where TTS would answer a mask of public fields.
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

  KeyRights(Set<Right> held) {
    this.held = EnumSet.noneOf(Right.class);
    this.held.addAll(held);
    if (held.contains(Right.RIGHT_APPLICATION_ALL)) {
      for (Right right : Right.values()) {
        if (right != Right.UNRECOGNIZED && right.name().startsWith("RIGHT_APPLICATION_")) {
          this.held.add(right);
        }
      }
    }
  }

  /** What ApplicationAccess/ListRights answers: the rights held, none on a missing application. */
  List<Right> listed(boolean applicationExists) {
    return applicationExists ? List.copyOf(held) : List.of();
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
