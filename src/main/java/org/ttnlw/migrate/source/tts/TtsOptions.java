package org.ttnlw.migrate.source.tts;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags of the TTS source. Defined once: the command line offers them as
 * {@code --ttnv3.NAME} next to {@code --source ttnv3}, and as {@code --NAME} under
 * {@code ttn-lw-migrate ttnv3}; each also reads {@code TTNV3_NAME} or {@code TTS_NAME}.
 */
public final class TtsOptions {
  @Option(names = "--app-id", paramLabel = "ID",
      description = "Application ID of the devices on the source TTS. Required by `device`;"
          + " `application` takes application IDs as arguments instead.")
  String appId;

  @Option(names = "--app-api-key", paramLabel = "KEY",
      description = "API key with rights to read (and write, unless --dry-run) the application's"
          + " end devices. Sent as a bearer token; never printed or logged.")
  String appApiKey;

  @Option(names = "--app-api-key-file", paramLabel = "FILE",
      description = "File holding the API key (surrounding white space ignored), to keep it out of"
          + " shell history and process lists. Used when --app-api-key is not given.")
  Path appApiKeyFile;

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
      description = "Join Server gRPC address (root keys). A device absent from the Join Server"
          + " (ABP, or an external Join Server) is exported with a warning.")
  String joinServerGrpcAddress;

  @Option(names = "--ca-file", paramLabel = "FILE",
      description = "PEM file of CA certificates to trust in addition to the system trust store,"
          + " for deployments with a private CA.")
  Path caFile;

  @Option(names = "--insecure",
      description = "Connect without TLS (plaintext gRPC, local deployments only). The API key is"
          + " sent over plaintext only with this flag.")
  boolean insecure;

  @Option(names = "--no-session",
      description = "Export without the active session. OTAA devices lose session, MAC state and"
          + " activation times and join the new network afresh. ABP devices keep DevAddr and"
          + " session keys, lose frame counters and MAC state, and get"
          + " mac_settings.resets_f_cnt=true: reset the device after import.")
  boolean noSession;

  @Option(names = "--delete-source-device",
      description = "Delete each exported device from the source (AS, NS, JS, then IS) after its"
          + " JSON is written, instead of only disabling its downlinks. Use after the import on"
          + " the new network succeeded.")
  boolean deleteSourceDevice;

  @Option(names = "--export-cacs",
      description = "Include claim authentication codes in the export (left out by default).")
  boolean exportCacs;
}
