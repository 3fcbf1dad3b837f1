package org.ttnlw.migrate.target;

import picocli.CommandLine.Option;

/**
 * The target's flags that only gateways need, offered as {@code --target.NAME} next to the
 * target's connection flags, each also read from {@code TARGET_NAME}.
 */
public final class GatewayTargetOptions {
  @Option(names = "--collaborator", paramLabel = "user:ID|organization:ID",
      description = "Who owns the gateways created in the target: gets all rights on them and"
          + " becomes their contact. Required for gateways.")
  String collaborator;

  @Option(names = "--gateway-server-address", paramLabel = "HOST[:PORT]",
      description = "The target's Gateway Server address, given to every gateway created there"
          + " and to redirected gateways. Default: the host of the target's Identity Server"
          + " address (--target.default-grpc-address or --target.identity-server-grpc-address).")
  String gatewayServerAddress;
}
