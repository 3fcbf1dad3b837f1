package org.ttnlw.migrate.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * What became of each item of a run with a target, as one plan line per item in {@code --plan}
 * (when given) and as counts for the dry run's table. A dry run's line says what a real run
 * would do ({@code create}, {@code already-equal}, {@code differs}, {@code fail}); a real run's
 * says what it did ({@code created}, {@code already-equal}, {@code updated}, {@code failed}).
 * Both name the source step: what would be done, or was done, to the item at the source.
 *
 * @param <R> the items' reference type
 * @param <T> the item as TTS models it
 */
public final class RunPlan<R, T> implements ItemReport<R, T> {
  /** An item an earlier run of the same journal delivered. */
  static final String DONE_BEFORE = "done-before";
  private static final List<String> DRY_RUN_OUTCOMES = List.of("create", "already-equal",
      "differs", "fail");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean dryRun;
  private final String sourceAction;
  private final BiFunction<R, T, Map<String, String>> ids;
  private final PlanFile file;
  private final UnaryOperator<String> causes;
  private final Map<R, Delivery.Delivered<T>> delivered = new HashMap<>();
  private final Map<String, Long> targetCounts = new LinkedHashMap<>();
  private final Map<String, Long> sourceCounts = new LinkedHashMap<>();

  /**
   * @param sourceAction what the run does (or in a dry run would do) to an item at the source
   * @param ids an item's reference as plan fields, e.g. application_id, device_id, dev_eui;
   *     told the item when it was read, else null
   * @param file where the lines go, or null for counts only
   * @param causes words a failure's cause as the command line spells its flags
   */
  public RunPlan(boolean dryRun, String sourceAction, BiFunction<R, T, Map<String, String>> ids,
      PlanFile file, UnaryOperator<String> causes) {
    this.dryRun = dryRun;
    this.sourceAction = sourceAction;
    this.ids = ids;
    this.file = file;
    this.causes = causes;
    if (dryRun) {
      DRY_RUN_OUTCOMES.forEach(outcome -> targetCounts.put(outcome, 0L));
    }
  }

  @Override
  public void delivered(R ref, Delivery.Delivered<T> item) {
    delivered.put(ref, item);
  }

  @Override
  public void finished(R ref, boolean earlier) {
    Delivery.Delivered<T> item = delivered.remove(ref);
    if (item == null) {
      add(line(ref, null, DONE_BEFORE, sourceAction));
      return;
    }
    ObjectNode line = line(ref, item.item(), item.outcome().planned(), sourceAction);
    differing(line, item.differing());
    if (item.outcome() == TargetOutcome.WOULD_UPDATE) {
      line.put("update", true);
    }
    add(line);
  }

  @Override
  public void skipped(R ref) {
    add(line(ref, null, DONE_BEFORE, "none"));
  }

  @Override
  public void failed(R ref, T read, String cause, RuntimeException failure) {
    Delivery.Delivered<T> item = delivered.remove(ref);
    ObjectNode line;
    if (item != null) {
      // In the target, but its source step failed: the source still serves it.
      line = line(ref, item.item(), item.outcome().planned(), "none");
      differing(line, item.differing());
    } else if (failure instanceof DiffersInTarget differs
        && !differs.differingFields().isEmpty()) {
      line = line(ref, read, dryRun ? "differs" : "failed", "none");
      differing(line, differs.differingFields());
      if (dryRun) {
        line.put("update", false);
      }
    } else {
      line = line(ref, read, dryRun ? "fail" : "failed", "none");
    }
    line.put("cause", causes.apply(cause));
    add(line);
  }

  private ObjectNode line(R ref, T item, String target, String source) {
    ObjectNode line = JSON.createObjectNode();
    ids.apply(ref, item).forEach(line::put);
    line.put("target", target);
    line.put("source", source);
    targetCounts.merge(target, 1L, Long::sum);
    sourceCounts.merge(source, 1L, Long::sum);
    return line;
  }

  /** The fields in which the target's item differs; the target's outcome says what it did. */
  private static void differing(ObjectNode line, List<String> fields) {
    if (!fields.isEmpty()) {
      fields.forEach(line.putArray("fields")::add);
    }
  }

  private void add(ObjectNode line) {
    if (file == null) {
      return;
    }
    try {
      file.write(JSON.writeValueAsBytes(line));
    } catch (IOException e) {
      throw new ExportPipeline.OutputFailedException("writing the plan to " + file.path()
          + " failed (" + e.getMessage() + ")", e);
    }
  }

  /**
   * The counts as a table for stderr, under 60 columns wide: how many items each outcome in the
   * target, and each step at the source, has.
   */
  public List<String> table() {
    List<Map.Entry<String, Long>> target = new ArrayList<>(targetCounts.entrySet());
    List<Map.Entry<String, Long>> source = new ArrayList<>(sourceCounts.entrySet());
    List<String> rows = new ArrayList<>();
    rows.add(String.format("%-30s%s", "  in the target", "  at the source"));
    for (int i = 0; i < Math.max(target.size(), source.size()); i++) {
      rows.add(String.format("%-30s%s", cell(target, i), cell(source, i)).stripTrailing());
    }
    return rows;
  }

  private static String cell(List<Map.Entry<String, Long>> counts, int row) {
    return row >= counts.size() ? ""
        : String.format("  %-18s%7d", counts.get(row).getKey(), counts.get(row).getValue());
  }
}
