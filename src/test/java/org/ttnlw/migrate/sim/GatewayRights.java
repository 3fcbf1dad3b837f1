package org.ttnlw.migrate.sim;

import com.google.protobuf.util.Values;
import io.grpc.StatusRuntimeException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
  static void require(Set<Right> held, Right... needed) {
    require(held, List.of(needed));
  }

  static void require(Set<Right> held, Collection<Right> needed) {
    List<String> missing =
        needed.stream().filter(right -> !held.contains(right)).map(Right::name).toList();
    if (!missing.isEmpty()) {
      throw missing(missing);
    }
  }

  static StatusRuntimeException missing(Right right) {
    return missing(List.of(right.name()));
  }

  private static StatusRuntimeException missing(List<String> names) {
    return TtsError.INSUFFICIENT_RIGHTS.toException(
        Map.of("missing", Values.of(String.join(", ", names))));
  }
}
