package org.ttnlw.migrate.export;

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
        return CompletableFuture.completedFuture(new Delivered<>(item, ""));
      }
    };
  }

  /**
   * @param item the item as delivered, which is written out
   * @param outcome how the summary counts it, e.g. "created"; empty for no count of its own
   */
  record Delivered<T>(T item, String outcome) {}

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
