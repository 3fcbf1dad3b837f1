package org.ttnlw.migrate.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Where an item goes once it is read and transformed, before its line is written and the source
 * is told: nowhere for an export, into the target for a migration.
 */
public interface Delivery<T> extends AutoCloseable {
  /** An export: the item is only written out. */
  static <T> Delivery<T> none() {
    return new Delivery<>() {
      @Override
      public boolean writes() {
        return false;
      }

      @Override
      public CompletableFuture<Delivered<T>> deliver(T item, boolean resumed) {
        return CompletableFuture.completedFuture(new Delivered<>(item, TargetOutcome.NONE));
      }
    };
  }

  /**
   * @param item the item as delivered, which is written out
   * @param outcome what the delivery did (or in a dry run would do) in the target
   * @param differing the paths of the fields in which the target's item differed from this one
   *     (an update), as the target's comparison names them; empty otherwise
   * @param notes what the delivery created beside the item, for the journal's notes of a
   *     created item (e.g. a gateway's LNS key ID), so that {@code undo} can take it back
   */
  record Delivered<T>(T item, TargetOutcome outcome, List<String> differing,
      Map<String, String> notes) {
    public Delivered(T item, TargetOutcome outcome) {
      this(item, outcome, List.of());
    }

    public Delivered(T item, TargetOutcome outcome, List<String> differing) {
      this(item, outcome, differing, Map.of());
    }
  }

  /** Whether a delivery changes anything, so the journal records it before it starts. */
  boolean writes();

  /**
   * Delivers the item; the future fails with a message naming the item and the cause.
   *
   * @param resumed whether an earlier run of the same journal started to deliver it
   */
  CompletableFuture<Delivered<T>> deliver(T item, boolean resumed);

  @Override
  default void close() {}
}
