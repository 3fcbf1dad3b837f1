package org.ttnlw.migrate.source.chirpstack;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.DeviceCount;
import org.ttnlw.migrate.core.Futures;

/**
 * A ChirpStack list read with {@code limit} and {@code offset} until {@code total_count} is
 * reached, adding the items received to the offset. A limit is always sent: without one ChirpStack
 * answers only the count. The next page is asked for as soon as one arrives, so listing overlaps
 * with exporting.
 *
 * @param <T> what the list yields per item
 */
final class OffsetPages<T> implements Iterator<T>, DeviceCount {
  static final int PAGE_SIZE = 100;

  /** One answer: the list's total and this page's items. */
  record Page<T>(int totalCount, List<T> items) {}

  private final IntFunction<CompletableFuture<Page<T>>> request;
  private final UnaryOperator<RuntimeException> failure;
  private final Runnable whenEmpty;
  private final ArrayDeque<T> current = new ArrayDeque<>();
  private CompletableFuture<Page<T>> next;
  private int offset;
  private volatile OptionalLong total = OptionalLong.empty();

  /**
   * @param request asks for the page at an offset, {@link #PAGE_SIZE} items at most
   * @param failure what a failed page is reported as
   * @param whenEmpty told when the list turns out to be empty
   */
  OffsetPages(IntFunction<CompletableFuture<Page<T>>> request,
      UnaryOperator<RuntimeException> failure, Runnable whenEmpty) {
    this.request = request;
    this.failure = failure;
    this.whenEmpty = whenEmpty;
    this.next = request.apply(0);
  }

  @Override
  public boolean hasNext() {
    while (current.isEmpty() && next != null) {
      Page<T> page = await();
      current.addAll(page.items());
      long totalCount = Integer.toUnsignedLong(page.totalCount());
      if (offset == 0 && totalCount == 0) {
        whenEmpty.run();
      }
      offset += page.items().size();
      total = OptionalLong.of(totalCount);
      next = offset < totalCount && !page.items().isEmpty() ? request.apply(offset) : null;
    }
    return !current.isEmpty();
  }

  private Page<T> await() {
    try {
      return Futures.await(next);
    } catch (RuntimeException e) {
      throw failure.apply(e);
    }
  }

  @Override
  public OptionalLong total() {
    return total;
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.poll();
  }
}
