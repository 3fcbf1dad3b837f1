package org.ttnlw.migrate.sim;

import com.google.protobuf.util.Values;
import io.grpc.StatusRuntimeException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ttnlw.migrate.proto.Right;

/** TTS rights as sets: the {@code *_ALL} rights stand for every right of their kind. */
final class GatewayRights {
  private static final String PREFIX = "RIGHT_";
  private static final String ALL = "ALL";
  private static final String GATEWAY = "RIGHT_GATEWAY_";

  private GatewayRights() {}

  /** The rights with every {@code *_ALL} right replaced by, and kept beside, what it implies. */
  static Set<Right> expand(Collection<Right> rights) {
    Set<Right> expanded = EnumSet.noneOf(Right.class);
    for (Right right : rights) {
      expanded.add(right);
      String name = right.name();
      if (name.startsWith(PREFIX) && name.endsWith(ALL)) {
        String kind = name.substring(0, name.length() - ALL.length());
        Arrays.stream(Right.values())
            .filter(candidate -> candidate != Right.UNRECOGNIZED)
            .filter(candidate -> candidate.name().startsWith(kind))
            .forEach(expanded::add);
      }
    }
    return expanded;
  }

  /** The rights that act on one gateway. */
  static Set<Right> onGateway(Set<Right> rights) {
    Set<Right> gatewayRights = EnumSet.noneOf(Right.class);
    rights.stream().filter(right -> right.name().startsWith(GATEWAY)).forEach(gatewayRights::add);
    return gatewayRights;
  }

  /** Fails PermissionDenied, naming the missing ones, unless all {@code needed} are held. */
  static void requireOnGateway(Set<Right> held, String gatewayId, Right... needed) {
    requireOnGateway(held, gatewayId, List.of(needed));
  }

  static void requireOnGateway(Set<Right> held, String gatewayId, Collection<Right> needed) {
    List<String> missing =
        needed.stream().filter(right -> !held.contains(right)).map(Right::name).toList();
    if (!missing.isEmpty()) {
      throw insufficient(TtsError.INSUFFICIENT_GATEWAY_RIGHTS, gatewayId, missing);
    }
  }

  static StatusRuntimeException missingOnGateway(String gatewayId, Right right) {
    return insufficient(TtsError.INSUFFICIENT_GATEWAY_RIGHTS, gatewayId, List.of(right.name()));
  }

  /**
   * Fails PermissionDenied unless the caller's key belongs to the account and holds the right, as
   * listing and creating an account's gateways need.
   */
  static void requireOfAccount(GatewayCaller caller, AccountId account, Right needed) {
    if (!caller.account().equals(Optional.of(account)) || !caller.keyRights().contains(needed)) {
      throw insufficient(account.organization()
              ? TtsError.INSUFFICIENT_ORGANIZATION_RIGHTS
              : TtsError.INSUFFICIENT_USER_RIGHTS,
          account.id(), List.of(needed.name()));
    }
  }

  private static StatusRuntimeException insufficient(
      TtsError error, String uid, List<String> missing) {
    return error.toException(Map.of(
        "uid", Values.of(uid), "missing", Values.of(String.join(", ", missing))));
  }
}
