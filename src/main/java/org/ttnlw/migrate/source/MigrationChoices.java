package org.ttnlw.migrate.source;

import java.util.Optional;

/**
 * What the operator chose for the exported devices, through the source's flags.
 *
 * @param noSession export without the active session, so devices join (or restart
 *     their frame counters) on the new network
 * @param afterExport what is done to each device at the source once it is safe elsewhere
 * @param disabling what {@link SourceStep#DISABLE} does at this source
 */
public record MigrationChoices(boolean noSession, SourceStep afterExport, Disabling disabling) {
  /** How the summary names devices that {@link SourceStep#DISABLE} handled. */
  public String disabledLabel() {
    return disabling.label();
  }

  /** How a plan line names what happens to each device at the source, e.g. "delete". */
  public String action() {
    return switch (afterExport) {
      case KEEP -> "none";
      case DISABLE -> disabling.action();
      case DELETE -> "delete";
    };
  }

  /** How the summary names the source step when it cannot be undone; empty when it can. */
  public Optional<String> finalStep() {
    return switch (afterExport) {
      case DELETE -> Optional.of("deleted");
      case DISABLE -> disabling.isFinal() ? Optional.of(disabledLabel()) : Optional.empty();
      case KEEP -> Optional.empty();
    };
  }
}
