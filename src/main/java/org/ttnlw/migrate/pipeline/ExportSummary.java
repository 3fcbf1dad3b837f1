package org.ttnlw.migrate.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts of a finished, stopped or interrupted run. Each item of the input is counted once in
 * exported, resumed, skipped or failed.
 *
 * @param outcomes how many exported items the target counted each way, e.g. "created"
 * @param resumed items an earlier run (per the journal) had written, finished on the source now
 * @param disabledLabel how the source names disabling, e.g. "downlinks disabled"
 * @param skipped items an earlier run (per the journal) had already completed
 * @param failures items left out under {@code --continue-on-error}
 */
public record ExportSummary(long exported, Map<String, Long> outcomes, long resumed,
    long disabled, String disabledLabel, long deleted, long skipped, List<ItemFailure> failures,
    boolean interrupted) {

  @Override
  public String toString() {
    return line("exported", true);
  }

  /**
   * E.g. "migrated 7 (created 5, already in the target 2), downlinks disabled 7, deleted 0,
   * skipped 0, failed 0".
   *
   * @param verb what the run did to an item, e.g. "exported", "imported"
   * @param changesSource whether the run has a source to change, so its counts are said
   */
  public String line(String verb, boolean changesSource) {
    String counted = outcomes.isEmpty() ? "" : outcomes.entrySet().stream()
        .map(outcome -> outcome.getKey() + " " + outcome.getValue())
        .collect(Collectors.joining(", ", " (", ")"));
    return verb + " " + exported + counted
        + (resumed == 0 ? "" : ", finished " + resumed + " exported by an earlier run")
        + (changesSource ? ", " + disabledLabel + " " + disabled + ", deleted " + deleted : "")
        + ", skipped " + skipped + ", failed " + failures.size()
        + (interrupted ? " (interrupted)" : "");
  }

  /**
   * Every record of an import's input counted once, e.g. "read 5 records: created 2, already in
   * the target 1, failed 1, skipped 0, repeated 1": the counts add up to the records read.
   *
   * @param repeated records that gave an item again (imported once)
   */
  public String records(long read, long repeated) {
    List<String> counts = new ArrayList<>();
    outcomes.forEach((outcome, count) -> counts.add(outcome + " " + count));
    long uncounted = exported - outcomes.values().stream().mapToLong(Long::longValue).sum();
    if (uncounted > 0) {
      counts.add("exported " + uncounted);
    }
    if (resumed > 0) {
      counts.add("finished " + resumed + " exported by an earlier run");
    }
    counts.add("failed " + failures.size());
    counts.add("skipped " + skipped);
    if (repeated > 0) {
      counts.add("repeated " + repeated + " (imported once)");
    }
    return "read " + read + (read == 1 ? " record: " : " records: ") + String.join(", ", counts);
  }
}
