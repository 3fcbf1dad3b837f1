package org.ttnlw.migrate.export;

import java.util.List;

/**
 * Counts of a finished, stopped or interrupted export.
 *
 * @param skipped devices an earlier run (per the journal) had already completed
 * @param failures devices left out under {@code --continue-on-error}
 */
public record ExportSummary(long exported, long downlinksDisabled, long deleted, long skipped,
    List<DeviceFailure> failures, boolean interrupted) {

  @Override
  public String toString() {
    return "exported " + exported + ", downlinks disabled " + downlinksDisabled + ", deleted "
        + deleted + ", skipped " + skipped + ", failed " + failures.size()
        + (interrupted ? " (interrupted)" : "");
  }
}
