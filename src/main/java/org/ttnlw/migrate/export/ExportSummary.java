package org.ttnlw.migrate.export;

/** Counts of a finished (or stopped) export. */
public record ExportSummary(long exported, long changedOnSource, SourceSideEffects.Action action) {
  @Override
  public String toString() {
    String text = "exported " + exported + (exported == 1 ? " device" : " devices");
    return action == SourceSideEffects.Action.NONE
        ? text + "; source left unchanged (dry run)"
        : text + "; " + action.done() + " on the source for " + changedOnSource;
  }
}
