package org.ttnlw.migrate.tts;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.proto.ApplicationAccessGrpc;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.Right;

/**
 * The pre-flight of a TTS source or target: one {@code ApplicationAccess/ListRights} on the
 * application, not retried, proves the address, TLS and the key, and the rights it names are
 * compared with those the run needs. A failure is one line naming the side, the cause and the
 * flag to fix.
 */
public final class RightsPreflight {
  private final RegistryCalls calls;
  private final String side;
  private final String flagPrefix;

  /**
   * @param side "source" or "target", as the message names it
   * @param flagPrefix how the deployment's flags are offered: {@code --} or {@code --target.}
   */
  public RightsPreflight(RegistryCalls calls, String side, String flagPrefix) {
    this.calls = calls;
    this.side = side;
    this.flagPrefix = flagPrefix;
  }

  /**
   * @param needed each right the run needs, with what it is needed for, e.g. "reading the
   *     devices' keys"
   * @throws ConfigException when the call fails or a right is missing
   */
  public void require(String applicationId, Map<Right, String> needed) {
    Set<Right> held = held(applicationId);
    String keyFlag = flagPrefix + "app-api-key";
    if (held.isEmpty()) {
      throw new ConfigException(side + ": the API key has no rights on application "
          + applicationId + ": the application does not exist there, or the key is not one of"
          + " its keys (or its user's); " + (side.equals("target") ? "create the application in"
          + " the target first (its ID may differ from the source's), or " : "") + "check the"
          + " application ID and " + keyFlag + "; nothing was exported or changed");
    }
    Map<Right, String> missing = new LinkedHashMap<>(needed);
    missing.keySet().removeAll(held);
    if (!missing.isEmpty()) {
      throw new ConfigException(side + ": the API key lacks " + missing.entrySet().stream()
          .map(right -> name(right.getKey()) + " (for " + right.getValue() + ")")
          .collect(Collectors.joining(", ")) + " on application " + applicationId
          + "; give it that right, or pass a key that has it with " + keyFlag + "; nothing"
          + " was exported or changed");
    }
  }

  private Set<Right> held(String applicationId) {
    try {
      Set<Right> held = EnumSet.noneOf(Right.class);
      Futures.await(calls.callOnce(TtsServer.IDENTITY_SERVER,
              ApplicationAccessGrpc.getListRightsMethod(),
              ApplicationIdentifiers.newBuilder().setApplicationId(applicationId).build(),
              "checking the rights of the " + side + " API key on application " + applicationId))
          .message().getRightsList().stream().filter(right -> right != Right.UNRECOGNIZED)
          .forEach(held::add);
      if (held.contains(Right.RIGHT_ALL) || held.contains(Right.RIGHT_APPLICATION_ALL)) {
        EnumSet.allOf(Right.class).stream()
            .filter(right -> right.name().startsWith("RIGHT_APPLICATION_")).forEach(held::add);
      }
      return held;
    } catch (TtsCallException e) {
      throw new ConfigException(side + ": " + e.getMessage() + hint(e) + "; nothing was"
          + " exported or changed");
    }
  }

  private String hint(TtsCallException e) {
    return switch (e.code()) {
      case UNAUTHENTICATED -> "; the key was refused: check " + flagPrefix + "app-api-key (a key"
          + " of this deployment that has not expired or been deleted)";
      case PERMISSION_DENIED -> "; check " + flagPrefix + "app-api-key";
      case UNAVAILABLE, DEADLINE_EXCEEDED -> e.getMessage().contains(flagPrefix + "ca-file")
          || e.getMessage().contains(flagPrefix + "insecure") ? ""
          : "; check " + flagPrefix + "default-grpc-address (or " + flagPrefix
              + "identity-server-grpc-address)";
      default -> "";
    };
  }

  /** {@code APPLICATION_DEVICES_READ}, as the Console and the CLI spell rights. */
  private static String name(Right right) {
    return right.name().replaceFirst("^RIGHT_", "");
  }
}
