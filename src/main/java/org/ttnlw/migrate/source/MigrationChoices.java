package org.ttnlw.migrate.source;

import java.util.Optional;

/**
 * What the operator chose for the exported devices, through the source's flags.
 *
 * @param noSession export without the active session, so devices join (or restart
 *     their frame counters) on the new network
 * @param afterExport what is done to each device at the source once it is safe elsewhere
 * @param disabledLabel how the summary names devices that {@link SourceStep#DISABLE} handled,
 *     e.g. "downlinks disabled" for TTS, "disabled" for a source that disables devices outright
 * @param disableIsFinal whether {@link SourceStep#DISABLE} cannot be undone at the source (new
 *     random keys): then, as after a delete, the output is the only copy of the device
 */
public record MigrationChoices(boolean noSession, SourceStep afterExport, String disabledLabel,
    boolean disableIsFinal) {

  public MigrationChoices(boolean noSession, SourceStep afterExport, String disabledLabel) {
    this(noSession, afterExport, disabledLabel, false);
  }

  /** How the summary names the source step when it cannot be undone; empty when it can. */
  public Optional<String> finalStep() {
    return switch (afterExport) {
      case DELETE -> Optional.of("deleted");
      case DISABLE -> disableIsFinal ? Optional.of(disabledLabel)
          : Optional.empty();
      case KEEP -> Optional.empty();
    };
  }
}
