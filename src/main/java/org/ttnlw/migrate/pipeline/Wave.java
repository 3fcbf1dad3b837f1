package org.ttnlw.migrate.pipeline;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The items of one wave ({@code --limit N}): the list up to its N-th item not yet done by the
 * journal. The items done before it pass through, so that the run counts them as done already;
 * the list is not read beyond the wave.
 */
final class Wave<R> implements Iterator<R> {
  private final Iterator<R> items;
  private final Predicate<R> done;
  private long left;

  private Wave(Iterator<R> items, long limit, Predicate<R> done) {
    this.items = items;
    this.left = limit;
    this.done = done;
  }

  /** The list itself without a limit, keeping its total for the progress. */
  static <R> Iterator<R> of(Iterator<R> items, OptionalLong limit, Predicate<R> done) {
    return limit.isEmpty() ? items : new Wave<>(items, limit.getAsLong(), done);
  }

  @Override
  public boolean hasNext() {
    return left > 0 && items.hasNext();
  }

  @Override
  public R next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    R item = items.next();
    if (!done.test(item)) {
      left--;
    }
    return item;
  }
}
