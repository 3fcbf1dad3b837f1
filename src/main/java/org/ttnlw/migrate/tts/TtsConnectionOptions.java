package org.ttnlw.migrate.tts;

import java.nio.file.Path;
import org.ttnlw.migrate.core.SecretFlag;
import picocli.CommandLine.Option;

/**
 * How to reach a TTS deployment: the flags the ttnv3 source and the migration target share.
 * Mixed into their options, so each is offered with its own prefix ({@code --ttnv3.},
 * {@code --target.}) and environment variables.
 */
public final class TtsConnectionOptions {
  @Option(names = "--app-api-key", paramLabel = "KEY",
      description = "API key with rights to the application's end devices (read; write too unless"
          + " --dry-run). Sent as a bearer token; never printed or logged."
          + SecretFlag.VISIBLE_IN_PS)
  String appApiKey;

  @Option(names = "--app-api-key-file", paramLabel = "FILE",
      description = "File holding the API key (surrounding white space ignored), to keep it out of"
          + " shell history and process lists. Used when --app-api-key is not given.")
  Path appApiKeyFile;

  @Option(names = "--gateway-api-key", paramLabel = "KEY",
      description = "Gateways: a user or organization API key with rights to its gateways (an"
          + " application key has none). Sent as a bearer token; never printed or logged."
          + SecretFlag.VISIBLE_IN_PS)
  String gatewayApiKey;

  @Option(names = "--gateway-api-key-file", paramLabel = "FILE",
      description = "Gateways: file holding the gateway API key. Used when --gateway-api-key is"
          + " not given.")
  Path gatewayApiKeyFile;

  @Option(names = "--default-grpc-address", paramLabel = "HOST:PORT",
      description = "gRPC address used for each of the four servers whose own address is not"
          + " given, e.g. eu1.cloud.thethings.network:8884.")
  String defaultGrpcAddress;

  @Option(names = "--identity-server-grpc-address", paramLabel = "HOST:PORT",
      description = "Identity Server gRPC address (device identity, names, attributes, listing).")
  String identityServerGrpcAddress;

  @Option(names = "--network-server-grpc-address", paramLabel = "HOST:PORT",
      description = "Network Server gRPC address (MAC settings and state, sessions).")
  String networkServerGrpcAddress;

  @Option(names = "--application-server-grpc-address", paramLabel = "HOST:PORT",
      description = "Application Server gRPC address (AppSKey, payload formatters).")
  String applicationServerGrpcAddress;

  @Option(names = "--join-server-grpc-address", paramLabel = "HOST:PORT",
      description = "Join Server gRPC address (root keys).")
  String joinServerGrpcAddress;

  @Option(names = "--ca-file", paramLabel = "FILE",
      description = "PEM file of CA certificates to trust in addition to the system trust store,"
          + " for deployments with a private CA.")
  Path caFile;

  @Option(names = "--insecure",
      description = "Connect without TLS (plaintext gRPC, local deployments only). The API key is"
          + " sent over plaintext only with this flag.")
  boolean insecure;
}
