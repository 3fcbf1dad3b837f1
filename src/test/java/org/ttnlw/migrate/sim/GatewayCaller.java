package org.ttnlw.migrate.sim;

import java.util.Optional;
import java.util.Set;
import org.ttnlw.migrate.proto.Right;

/**
 * Who a gateway-service call comes from: the holder of a user or organization API key, or of an
 * API key of one gateway.
 *
 * @param account the key's user or organization; empty for a gateway key
 * @param gatewayId the gateway of a gateway key; empty for an account key
 * @param keyRights the key's rights, expanded
 */
record GatewayCaller(
    Optional<AccountId> account, Optional<String> gatewayId, Set<Right> keyRights) {

  static GatewayCaller ofAccount(AccountId account, Set<Right> rights) {
    return new GatewayCaller(Optional.of(account), Optional.empty(), GatewayRights.expand(rights));
  }

  static GatewayCaller ofGateway(String gatewayId, Set<Right> rights) {
    return new GatewayCaller(
        Optional.empty(), Optional.of(gatewayId), GatewayRights.expand(rights));
  }
}
