package org.ttnlw.migrate.source.tts;

import org.ttnlw.migrate.tts.TtsConnection;
import org.ttnlw.migrate.tts.TtsConnectionOptions;
import picocli.CommandLine.Mixin;
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

  @Mixin
  TtsConnectionOptions connection = new TtsConnectionOptions();

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

  @Option(names = "--with-secrets",
      description = "Gateways: include each gateway's claim authentication code (needs the"
          + " read-secrets right on the gateway). Left out by default.")
  boolean withSecrets;

  @Option(names = "--delete-source-gateway",
      description = "Gateways: delete each migrated gateway at the source once it is verified and"
          + " connected to the target. Not with --takeover lns-redirect: those gateways keep"
          + " asking the source's CUPS server for their settings.")
  boolean deleteSourceGateway;

  /** The checked connection settings, for commands that talk to the source outside devices. */
  public TtsConnection checkedConnection() {
    return TtsConnection.from(connection, "--", "TTNV3_");
  }
}
