package org.ttnlw.migrate.pipeline;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.source.SourceStep;

/**
 * What happens at the source to an item once it is safe elsewhere: the only changes a run makes
 * there. Devices are disabled or deleted (devices/{@code SourceSideEffects}); gateways are
 * handed over to the target and, when asked, deleted.
 *
 * @param <R> the reference type of the items
 */
public interface SideEffects<R> {
  /** Nothing at the source: an export of items the source keeps serving. */
  static <R> SideEffects<R> keep() {
    return new SideEffects<>() {
      @Override
      public SourceStep step() {
        return SourceStep.KEEP;
      }

      @Override
      public String disabledLabel() {
        return "disabled";
      }

      @Override
      public String action() {
        return "none";
      }

      @Override
      public CompletableFuture<Void> apply(R item) {
        return CompletableFuture.completedFuture(null);
      }

      @Override
      public void alreadyDone(R item) {}
    };
  }

  SourceStep step();

  /** How the summary and the journal name {@link SourceStep#DISABLE}, e.g. "downlinks disabled". */
  String disabledLabel();

  /**
   * How a plan line ({@code --plan}) names what the run does to each item at the source, also
   * in a dry run, which does nothing there: e.g. "disable-downlinks", "delete", "none".
   */
  String action();

  /** How the journal names {@link SourceStep#DISABLE} done for an item. */
  default String journalEntry() {
    return "disabled";
  }

  /**
   * Whether applying the step waits for something outside the run (a gateway connecting), so
   * that items being finished must not hold back the others.
   */
  default boolean waits() {
    return false;
  }

  /**
   * What {@link #apply} is about to change of the item at the source, read just before, for the
   * journal (see {@link RunJournal#SOURCE_BEFORE}); empty when the source cannot restore it.
   */
  default CompletableFuture<Optional<String>> before(R item) {
    return CompletableFuture.completedFuture(Optional.empty());
  }

  /** Applies the step to an item that is safe elsewhere; fails with a message naming the cause. */
  CompletableFuture<Void> apply(R item);

  /** Told about an item an earlier run completed. */
  void alreadyDone(R item);
}
