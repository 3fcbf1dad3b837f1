package org.ttnlw.migrate.source;

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
}
