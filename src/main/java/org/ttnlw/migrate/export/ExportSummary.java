package org.ttnlw.migrate.export;

import java.util.List;

/**
 * Counts of a finished, stopped or interrupted export.
 *
 * @param disabledLabel how the source names disabling, e.g. "downlinks disabled"
 * @param skipped devices an earlier run (per the journal) had already completed
 * @param failures devices left out under {@code --continue-on-error}
 */
public record ExportSummary(long exported, long disabled, String disabledLabel, long deleted,
    long skipped, List<DeviceFailure> failures, boolean interrupted) {

  @Override
  public String toString() {
    return "exported " + exported + ", " + disabledLabel + " " + disabled + ", deleted "
        + deleted + ", skipped " + skipped + ", failed " + failures.size()
        + (interrupted ? " (interrupted)" : "");
  }
}
