package org.ttnlw.migrate.pipeline;

/**
 * Told what became of each item of a run, in the order the run settles them: the plan of a dry
 * run and the report of a real one ({@code --plan}). Called from the pipeline's own thread.
 *
 * @param <R> the items' reference type
 * @param <T> the item as TTS models it
 */
public interface ItemReport<R, T> {
  /** Told nothing. */
  static <R, T> ItemReport<R, T> none() {
    return new ItemReport<>() {
      @Override
      public void delivered(R ref, Delivery.Delivered<T> delivered) {}

      @Override
      public void finished(R ref, boolean earlier) {}

      @Override
      public void skipped(R ref) {}

      @Override
      public void failed(R ref, T item, String cause, RuntimeException failure) {}
    };
  }

  /** Tells both, {@code first} first. */
  static <R, T> ItemReport<R, T> both(ItemReport<R, T> first, ItemReport<R, T> second) {
    return new ItemReport<>() {
      @Override
      public void delivered(R ref, Delivery.Delivered<T> delivered) {
        first.delivered(ref, delivered);
        second.delivered(ref, delivered);
      }

      @Override
      public void finished(R ref, boolean earlier) {
        first.finished(ref, earlier);
        second.finished(ref, earlier);
      }

      @Override
      public void skipped(R ref) {
        first.skipped(ref);
        second.skipped(ref);
      }

      @Override
      public void failed(R ref, T item, String cause, RuntimeException failure) {
        first.failed(ref, item, cause, failure);
        second.failed(ref, item, cause, failure);
      }
    };
  }

  /** The item is in the target (or in a dry run would be) and written; its source step is next. */
  void delivered(R ref, Delivery.Delivered<T> delivered);

  /**
   * The item's source step is done.
   *
   * @param earlier whether an earlier run of the same journal delivered it
   */
  void finished(R ref, boolean earlier);

  /** An earlier run of the same journal completed the item. */
  void skipped(R ref);

  /**
   * The item failed, before or after it was delivered.
   *
   * @param item the item as read, or null when it could not be read
   */
  void failed(R ref, T item, String cause, RuntimeException failure);
}
