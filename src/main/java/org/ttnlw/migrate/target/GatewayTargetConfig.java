package org.ttnlw.migrate.target;

import org.ttnlw.migrate.proto.OrganizationOrUserIdentifiers;
import org.ttnlw.migrate.tts.Collaborator;
import org.ttnlw.migrate.tts.TtsConnection;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Checked settings for registering gateways in the target, before any network call.
 *
 * @param gatewayServerAddress what every gateway created there is given, and what redirected
 *     gateways are pointed at
 */
public record GatewayTargetConfig(TtsConnection connection,
    OrganizationOrUserIdentifiers collaborator, String gatewayServerAddress) {

  public static GatewayTargetConfig from(TargetOptions target, GatewayTargetOptions options) {
    TtsConnection connection = TtsConnection.forGateways(target.connection(), "--target.",
        "TARGET_");
    OrganizationOrUserIdentifiers collaborator = Collaborator.parse(options.collaborator,
        "creating gateways in the target");
    String address = options.gatewayServerAddress == null
        || options.gatewayServerAddress.isBlank()
        ? connection.host(TtsServer.IDENTITY_SERVER) : options.gatewayServerAddress.strip();
    return new GatewayTargetConfig(connection, collaborator, address);
  }

  /** The host of the Gateway Server address, without scheme and port. */
  public String gatewayServerHost() {
    String host = gatewayServerAddress.replaceFirst("^[a-z]{2,5}://", "");
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
