package org.ttnlw.migrate.export;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts of a finished, stopped or interrupted export.
 *
 * @param outcomes how many exported devices the target counted each way, e.g. "created"
 * @param disabledLabel how the source names disabling, e.g. "downlinks disabled"
 * @param skipped devices an earlier run (per the journal) had already completed
 * @param failures devices left out under {@code --continue-on-error}
 */
public record ExportSummary(long exported, Map<String, Long> outcomes, long disabled,
    String disabledLabel, long deleted, long skipped, List<DeviceFailure> failures,
    boolean interrupted) {

  @Override
  public String toString() {
    String counted = outcomes.isEmpty() ? "" : outcomes.entrySet().stream()
        .map(outcome -> outcome.getKey() + " " + outcome.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
    return "exported " + exported + counted + ", " + disabledLabel + " " + disabled + ", deleted "
        + deleted + ", skipped " + skipped + ", failed " + failures.size()
        + (interrupted ? " (interrupted)" : "");
  }
}
