package org.ttnlw.migrate.source.chirpstack;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.chirpstack.proto.MacVersion;
import org.ttnlw.migrate.chirpstack.proto.RegParamsRevision;
import org.ttnlw.migrate.source.lorawan.BundledTable;
import org.ttnlw.migrate.source.lorawan.LorawanVersions;

/**
 * A device profile's {@code common.MacVersion} and {@code common.RegParamsRevision} as TTS's MAC
 * and PHY versions: each ChirpStack value is spelled as {@link LorawanVersions} reads it, by the
 * bundled {@code lorawan-versions.tsv}, whose note (if any) is logged as a warning.
 */
final class ChirpStackVersions {
  private static final Logger log = LoggerFactory.getLogger(ChirpStackVersions.class);

  private record Spelling(String text, String note) {}

  private static final Map<MacVersion, Spelling> MACS = new HashMap<>();
  private static final Map<RegParamsRevision, Spelling> REVISIONS = new HashMap<>();

  static {
    for (String[] row : BundledTable.read(ChirpStackVersions.class, "lorawan-versions.tsv",
        "chirpstack_enum", "chirpstack_value", "spelling", "note")) {
      Spelling spelling = new Spelling(row[2], row[3]);
      switch (row[0]) {
        case "MacVersion" -> MACS.put(MacVersion.valueOf(row[1]), spelling);
        case "RegParamsRevision" -> REVISIONS.put(RegParamsRevision.valueOf(row[1]), spelling);
        default -> throw new IllegalStateException("unknown enum " + row[0]);
      }
    }
  }

  private ChirpStackVersions() {}

  static LorawanVersions.Versions of(String devEui, MacVersion mac, RegParamsRevision revision) {
    Spelling macSpelling = MACS.get(mac);
    Spelling revisionSpelling = REVISIONS.get(revision);
    if (macSpelling == null || revisionSpelling == null) {
      throw new DeviceMappingException(devEui, "its device profile has a MAC version or"
          + " Regional Parameters revision this tool does not know (" + mac + ", " + revision
          + ")");
    }
    try {
      LorawanVersions.Versions versions =
          LorawanVersions.of(macSpelling.text(), revisionSpelling.text());
      if (!revisionSpelling.note().isEmpty()) {
        log.warn("device {}: {}", devEui, revisionSpelling.note());
      }
      return versions;
    } catch (LorawanVersions.UnknownVersionException e) {
      throw new DeviceMappingException(devEui, "its device profile's LoRaWAN version cannot be"
          + " exported: " + e.getMessage() + "; correct the device profile in ChirpStack");
    }
  }
}
