package org.ttnlw.migrate.tts;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.ttnlw.migrate.calls.ApiKey;
import org.ttnlw.migrate.calls.TrustSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.FlagValues;

/**
 * Checked settings for reaching one TTS deployment, built from {@link TtsConnectionOptions}
 * before any network call.
 *
 * @param addresses the gRPC address of each server, with its port
 * @param flagPrefix how the flags are offered, e.g. {@code --} or {@code --target.}: messages about
 *     a failed call name the flags of the deployment that failed
 */
public record TtsConnection(ApiKey apiKey, Map<TtsServer, String> addresses, TrustSettings trust,
    String flagPrefix) {

  /**
   * @param flagPrefix how the flags are offered, e.g. {@code --} or {@code --target.}, for messages
   * @param variablePrefix the environment variables' prefix, e.g. {@code TTNV3_}, for messages
   */
  public static TtsConnection from(TtsConnectionOptions options, String flagPrefix,
      String variablePrefix) {
    return reaching(options, flagPrefix, variablePrefix, () -> ApiKey.from(options.appApiKey,
        options.appApiKeyFile, "set " + flagPrefix + "app-api-key, " + flagPrefix
            + "app-api-key-file or " + variablePrefix + "APP_API_KEY"));
  }

  /** The deployment's gateways, with the user or organization key that {@code gateway} takes. */
  public static TtsConnection forGateways(TtsConnectionOptions options, String flagPrefix,
      String variablePrefix) {
    return reaching(options, flagPrefix, variablePrefix, () -> ApiKey.from(options.gatewayApiKey,
        options.gatewayApiKeyFile, "gateways need a user or organization API key: set "
            + flagPrefix + "gateway-api-key, " + flagPrefix + "gateway-api-key-file or "
            + variablePrefix + "GATEWAY_API_KEY"));
  }

  private static TtsConnection reaching(TtsConnectionOptions options, String flagPrefix,
      String variablePrefix, Supplier<ApiKey> apiKey) {
    Map<TtsServer, String> addresses = new EnumMap<>(TtsServer.class);
    addresses.put(TtsServer.IDENTITY_SERVER, options.identityServerGrpcAddress);
    addresses.put(TtsServer.JOIN_SERVER, options.joinServerGrpcAddress);
    addresses.put(TtsServer.APPLICATION_SERVER, options.applicationServerGrpcAddress);
    addresses.put(TtsServer.NETWORK_SERVER, options.networkServerGrpcAddress);
    for (TtsServer server : TtsServer.values()) {
      String address = FlagValues.given(addresses.get(server))
          .or(() -> FlagValues.given(options.defaultGrpcAddress))
          .orElseThrow(() -> new ConfigException("no gRPC address for the "
              + server.shortName() + ": set " + flagPrefix + "default-grpc-address (or "
              + variablePrefix + "DEFAULT_GRPC_ADDRESS), or " + flagPrefix + server.flagName()
              + "-grpc-address"));
      addresses.put(server, GrpcAddress.check(server, address, options.insecure));
    }
    return new TtsConnection(apiKey.get(), Map.copyOf(addresses),
        TrustSettings.from(options.insecure, options.caFile),
        flagPrefix);
  }

  /** The host of a server's address, as TTS records the servers a device is registered on. */
  public String host(TtsServer server) {
    String address = addresses.get(server);
    int colon = address.lastIndexOf(':');
    return colon < 0 ? address : address.substring(0, colon);
  }
}
