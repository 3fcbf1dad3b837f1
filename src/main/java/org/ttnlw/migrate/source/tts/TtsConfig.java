package org.ttnlw.migrate.source.tts;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.ttnlw.migrate.calls.ApiKey;
import org.ttnlw.migrate.calls.TrustSettings;
import org.ttnlw.migrate.source.SourceConfigException;

/** Checked settings of the TTS source, built from {@link TtsOptions} before any network call. */
record TtsConfig(
    Optional<String> appId,
    ApiKey apiKey,
    Map<TtsServer, String> addresses,
    TrustSettings trust,
    boolean exportCacs) {

  static TtsConfig from(TtsOptions options) {
    Map<TtsServer, String> addresses = new EnumMap<>(TtsServer.class);
    addresses.put(TtsServer.IDENTITY_SERVER, options.identityServerGrpcAddress);
    addresses.put(TtsServer.JOIN_SERVER, options.joinServerGrpcAddress);
    addresses.put(TtsServer.APPLICATION_SERVER, options.applicationServerGrpcAddress);
    addresses.put(TtsServer.NETWORK_SERVER, options.networkServerGrpcAddress);
    for (TtsServer server : TtsServer.values()) {
      String address = blankToNull(addresses.get(server));
      if (address == null) {
        address = blankToNull(options.defaultGrpcAddress);
      }
      if (address == null) {
        throw new SourceConfigException("no gRPC address for the " + server.shortName()
            + ": set --default-grpc-address (or TTNV3_DEFAULT_GRPC_ADDRESS), or --"
            + server.flagName() + "-grpc-address");
      }
      addresses.put(server, GrpcAddress.check(server, address, options.insecure));
    }
    return new TtsConfig(
        Optional.ofNullable(blankToNull(options.appId)),
        apiKey(options),
        Map.copyOf(addresses),
        options.insecure ? TrustSettings.insecure() : TrustSettings.withTls(options.caFile),
        options.exportCacs);
  }

  private static ApiKey apiKey(TtsOptions options) {
    return ApiKey.from(options.appApiKey, options.appApiKeyFile,
        "set --app-api-key, --app-api-key-file or TTNV3_APP_API_KEY");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
