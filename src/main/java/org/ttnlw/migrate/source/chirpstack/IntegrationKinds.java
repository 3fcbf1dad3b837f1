package org.ttnlw.migrate.source.chirpstack;

import java.util.EnumMap;
import java.util.Map;
import org.ttnlw.migrate.chirpstack.proto.IntegrationKind;
import org.ttnlw.migrate.source.lorawan.BundledTable;

/**
 * What becomes of each kind of ChirpStack integration, by the bundled {@code integrations.tsv}:
 * the one that moves (HTTP, as a webhook) and, for the others, why they have no TTS counterpart.
 */
final class IntegrationKinds {
  /** One row of the table: the kind's name for messages, what it moves as, or why it does not. */
  record Kind(String name, String movesAs, String whyNot) {
    boolean moves() {
      return !movesAs.isEmpty();
    }
  }

  private static final Map<IntegrationKind, Kind> KINDS = new EnumMap<>(IntegrationKind.class);

  static {
    for (String[] row : BundledTable.read(IntegrationKinds.class, "integrations.tsv",
        "kind", "integration", "moves_as", "why_not")) {
      KINDS.put(IntegrationKind.valueOf(row[0]), new Kind(row[1], row[2], row[3]));
    }
  }

  private IntegrationKinds() {}

  /** The row of {@code kind}; a kind newer than the table has no counterpart it knows. */
  static Kind of(IntegrationKind kind, int number) {
    Kind known = kind == IntegrationKind.UNRECOGNIZED ? null : KINDS.get(kind);
    return known != null ? known : new Kind("kind " + number, "",
        "this tool does not know that kind of ChirpStack integration");
  }

  /** The line that names an integration that does not move, for the not-migrated list. */
  static String notMigrated(Kind kind) {
    return kind.name() + " integration: " + kind.whyNot();
  }
}
