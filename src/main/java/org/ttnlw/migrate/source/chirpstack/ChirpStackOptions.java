package org.ttnlw.migrate.source.chirpstack;

import org.ttnlw.migrate.calls.KeyFileAndCaOptions;
import org.ttnlw.migrate.core.SecretFlag;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of the ChirpStack source. Defined once: offered as {@code --chirpstack.NAME} next to
 * {@code --source chirpstack} and as {@code --NAME} under {@code ttn-lw-migrate chirpstack}; each
 * also reads {@code CHIRPSTACK_NAME}.
 */
public final class ChirpStackOptions {
  @Option(names = "--api-url", paramLabel = "HOST:PORT",
      description = "ChirpStack v4 gRPC API address, e.g. chirpstack.example.com:8080 (a"
          + " http:// or https:// prefix is accepted and ignored; TLS unless --insecure).")
  String apiUrl;

  @Option(names = "--api-key", paramLabel = "TOKEN",
      description = "ChirpStack API key (admin or tenant) that can read and, unless --dry-run,"
          + " update or delete the devices or gateways. Sent as a bearer token; never printed or"
          + " logged." + SecretFlag.VISIBLE_IN_PS)
  String apiKey;

  @Mixin
  KeyFileAndCaOptions keyFileAndCa = new KeyFileAndCaOptions();

  @Option(names = "--insecure",
      description = "Connect without TLS (plaintext gRPC, e.g. ChirpStack's default port 8080 on"
          + " a private network). The API key is sent over plaintext only with this flag.")
  boolean insecure;

  @Option(names = "--join-eui", paramLabel = "EUI",
      description = "JoinEUI for OTAA devices whose ChirpStack record has none; a device's own"
          + " JoinEUI always wins.")
  String joinEui;

  @Option(names = "--frequency-plan-id", paramLabel = "ID",
      description = "TTS frequency plan, e.g. EU_863_870_TTN: for every device instead of the one"
          + " derived from the device profile's region and region configuration (it must be of"
          + " the device's band); required for gateways, which have none in ChirpStack.")
  String frequencyPlanId;

  @Option(names = "--export-session",
      description = "Also export the session (DevAddr, session keys, frame counters) of OTAA"
          + " devices, so they carry on without a new join. ABP sessions are always exported.")
  boolean exportSession;

  @Option(names = "--export-vars",
      description = "Also export the device's variables as attributes (they may hold secrets"
          + " that codecs use).")
  boolean exportVars;

  @Option(names = "--no-session",
      description = "Export without the active session. OTAA devices join the new network"
          + " afresh. ABP devices keep DevAddr and session keys, lose frame counters, and get"
          + " mac_settings.resets_f_cnt=true: reset the device after import.")
  boolean noSession;

  @Option(names = "--delete-source-device",
      description = "Delete each exported device from ChirpStack after its JSON is written,"
          + " instead of disabling it there. Use after the import on the new network succeeded.")
  boolean deleteSourceDevice;

  @Option(names = "--tenant-id", paramLabel = "UUID",
      description = "Gateways: the tenant whose gateways gateway --all lists. Required with a tenant API key;"
          + " an admin key lists the gateways of every tenant without it.")
  String tenantId;

  @Option(names = "--gateway-id-template", paramLabel = "TEMPLATE",
      description = "Gateways: the TTS ID of each gateway, from the placeholders {eui} (gateway EUI in lower"
          + " case) and {id} (ChirpStack gateway ID). Default: eui-{eui}.")
  String gatewayIdTemplate;

  @Option(names = "--delete-source-gateway",
      description = "Gateways: delete each migrated gateway from ChirpStack once it is connected to the"
          + " target. ChirpStack then ignores its uplinks (unless allow_unknown_gateways is on).")
  boolean deleteSourceGateway;
}
