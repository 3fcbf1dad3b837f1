package org.ttnlw.migrate.source.wanesy;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The flags of the Wanesy source, offered as {@code --wanesy.NAME} next to {@code --source wanesy}
 * and as {@code --NAME} under {@code ttn-lw-migrate wanesy}; each also reads {@code WANESY_NAME}.
 */
public final class WanesyOptions {
  @Option(names = "--csv-path", paramLabel = "FILE",
      description = "The device CSV exported from Kerlink's Wanesy Management Center. Required.")
  Path csvPath;

  @Option(names = "--app-id", paramLabel = "ID",
      description = "TTS application ID the devices are exported into. Required.")
  String appId;

  @Option(names = "--frequency-plan-id", paramLabel = "PLAN",
      description = "TTS frequency plan of the devices, e.g. EU_863_870_TTN (the CSV gives only"
          + " the band). Required; checked against TTS's plans and each row's rfRegion.")
  String frequencyPlanId;

  @Option(names = "--mac-version", paramLabel = "VERSION",
      description = "Override the CSV's macVersion and regParamsRevision for every device, e.g."
          + " 1.0.3 or 1.0.2b, for rows whose revision the CSV does not say.")
  String macVersion;

  @Option(names = "--all",
      description = "`application`: export every row of the CSV instead of the clusters named.")
  boolean all;
}
