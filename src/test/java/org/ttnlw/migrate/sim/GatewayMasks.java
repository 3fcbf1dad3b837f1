package org.ttnlw.migrate.sim;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAntenna;

/** The Identity Server's rules for gateway field masks: secrets, public fields, aliases. */
final class GatewayMasks {
  /** Paths the registry returns with every gateway, whatever the mask. */
  static final List<String> IMPLICIT_PATHS = List.of("ids", "created_at", "updated_at");
  private static final Set<String> SECRETS =
      Set.of("lbs_lns_secret", "claim_authentication_code", "target_cups_key");
  /** {@code ttnpb.PublicGatewayFields}. */
  private static final Set<String> PUBLIC =
      Set.of("ids", "created_at", "updated_at", "deleted_at", "name", "description",
          "frequency_plan_id", "frequency_plan_ids", "status_public", "location_public",
          "lrfhss", "administrative_contact", "technical_contact", "gateway_server_address",
          "antennas");
  private static final Set<String> SERVER_SET = Set.of("ids", "created_at", "updated_at");

  private GatewayMasks() {}

  static boolean namesSecret(Collection<String> paths) {
    return paths.stream().anyMatch(path -> SECRETS.contains(root(path)));
  }

  static boolean onlyPublic(Collection<String> paths) {
    return paths.stream().allMatch(path -> PUBLIC.contains(root(path)));
  }

  /**
   * The masked fields plus the implicit ones, as Get and List answer: {@code frequency_plan_id}
   * brings {@code frequency_plan_ids}, and {@code contact_info} stands for the two contacts.
   */
  static Gateway select(Gateway gateway, Collection<String> paths) {
    Set<String> selected = new LinkedHashSet<>(paths);
    if (selected.contains("frequency_plan_id")) {
      selected.add("frequency_plan_ids");
    }
    if (selected.remove("contact_info")) {
      selected.add("administrative_contact");
      selected.add("technical_contact");
    }
    return MessageMasks.select(gateway, IMPLICIT_PATHS, selected);
  }

  /**
   * The paths an Update writes: without the server-set ones and {@code contact_info}, and with
   * {@code frequency_plan_id} written as {@code frequency_plan_ids}.
   */
  static List<String> writable(Collection<String> paths) {
    Set<String> writable = new LinkedHashSet<>();
    for (String path : paths) {
      if (path.equals("frequency_plan_id")) {
        writable.add("frequency_plan_ids");
      } else if (!SERVER_SET.contains(root(path)) && !path.equals("contact_info")) {
        writable.add(path);
      }
    }
    return new ArrayList<>(writable);
  }

  /** What a caller without {@code GATEWAY_INFO} may see of a gateway. */
  static Gateway publicSafe(Gateway gateway) {
    Gateway.Builder safe = MessageMasks.select(gateway, List.of(), PUBLIC).toBuilder();
    if (!gateway.getStatusPublic()) {
      safe.clearGatewayServerAddress();
    }
    if (!gateway.getLocationPublic()) {
      for (GatewayAntenna.Builder antenna : safe.getAntennasBuilderList()) {
        antenna.clearLocation();
      }
    }
    return safe.build();
  }

  /** The gateway with its three secrets emptied. */
  static Gateway withoutSecrets(Gateway gateway) {
    return gateway.toBuilder()
        .clearLbsLnsSecret()
        .clearClaimAuthenticationCode()
        .clearTargetCupsKey()
        .build();
  }

  private static String root(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }
}
