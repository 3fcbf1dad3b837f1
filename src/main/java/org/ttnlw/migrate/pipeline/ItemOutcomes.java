package org.ttnlw.migrate.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.source.SourceStep;

/**
 * What became of each item of one run, for the report file ({@code --report}): the verb or the
 * target's outcome, the source step done, the cause of a failure.
 */
final class ItemOutcomes<R, T> implements ItemReport<R, T> {
  /**
   * @param outcome e.g. "created", "exported", "failed", "done by an earlier run"
   * @param sourceStep what was done at the source, e.g. "downlinks disabled"; null for nothing
   * @param cause why it failed; null unless it did
   */
  record Entry(String item, String outcome, String sourceStep, String cause) {}

  private final String verb;
  private final String sourceStep;
  private final Map<String, Entry> byItem = new LinkedHashMap<>();

  /** @param verb what the run does to an item, e.g. "exported" */
  ItemOutcomes(String verb, SideEffects<R> sideEffects) {
    this.verb = verb;
    this.sourceStep = sideEffects.step() == SourceStep.KEEP ? null
        : sideEffects.step() == SourceStep.DELETE ? "deleted" : sideEffects.disabledLabel();
  }

  @Override
  public void delivered(R ref, Delivery.Delivered<T> delivered) {
    String counted = delivered.outcome().counted();
    byItem.put(ref.toString(), new Entry(ref.toString(), counted.isEmpty() ? verb : counted,
        null, null));
  }

  @Override
  public void finished(R ref, boolean earlier) {
    Entry delivered = byItem.get(ref.toString());
    String outcome = earlier || delivered == null ? "exported by an earlier run"
        : delivered.outcome();
    byItem.put(ref.toString(), new Entry(ref.toString(), outcome, sourceStep, null));
  }

  @Override
  public void skipped(R ref) {
    byItem.put(ref.toString(), new Entry(ref.toString(), "done by an earlier run", null, null));
  }

  @Override
  public void failed(R ref, T item, String cause, RuntimeException failure) {
    byItem.put(ref.toString(), new Entry(ref.toString(), "failed", null, cause));
  }

  List<Entry> entries() {
    return List.copyOf(byItem.values());
  }
}
