package org.ttnlw.migrate.tts;

import io.grpc.Metadata;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.core.DeviceCount;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.MigrationException;

/**
 * The items of a TTS List RPC, page by page, each page asked with an explicit limit (newer TTS
 * releases answer a List without one with a single default-sized page) until the
 * {@code x-total-count} header's total is reached. The next page is requested as soon as the
 * current one arrives, so listing overlaps with exporting.
 *
 * <p>TTS counts the total afresh for each page and pages by offset: when entries are deleted
 * while the list is read, the later pages start further on and skip as many entries as were
 * deleted before them. A total that falls between pages, or an empty page before the total, so
 * fails the listing, naming the counts, rather than ending it as if everything had been listed.
 *
 * @param <P> the page message
 * @param <I> what each listed item becomes
 */
public final class PagedList<P, I> implements Iterator<I>, DeviceCount {
  public static final int PAGE_SIZE = 100;
  /**
   * What TTS answers a List without a limit with: its first page of this many items (IS since
   * 3.32.2, AS and NS since 3.34.0).
   */
  public static final int SERVER_DEFAULT_PAGE = 100;
  private static final Metadata.Key<String> TOTAL_COUNT =
      Metadata.Key.of("x-total-count", Metadata.ASCII_STRING_MARSHALLER);

  private final IntFunction<CompletableFuture<RetryingCalls.Answer<P>>> request;
  private final Function<P, List<I>> items;
  private final String what;
  private final ArrayDeque<I> current = new ArrayDeque<>();
  private CompletableFuture<RetryingCalls.Answer<P>> next;
  private int nextPage = 1;
  private long listed;
  private volatile OptionalLong total = OptionalLong.empty();
  private OptionalLong first = OptionalLong.empty();

  /**
   * @param request asks for one page (numbered from 1) of {@link #PAGE_SIZE} items
   * @param what what is listed, for messages, e.g. "listing devices of application app"
   */
  public PagedList(IntFunction<CompletableFuture<RetryingCalls.Answer<P>>> request,
      Function<P, List<I>> items, String what) {
    this.request = request;
    this.items = items;
    this.what = what;
    this.next = request.apply(nextPage);
  }

  @Override
  public boolean hasNext() {
    while (current.isEmpty() && next != null) {
      RetryingCalls.Answer<P> answer = Futures.await(next);
      List<I> page = items.apply(answer.message());
      current.addAll(page);
      listed += page.size();
      next = hasMorePages(page.size(), answer.headers()) ? request.apply(++nextPage) : null;
    }
    return !current.isEmpty();
  }

  private boolean hasMorePages(int pageSize, Metadata headers) {
    OptionalLong answered = totalIn(headers, what);
    if (answered.isPresent()) {
      this.total = answered;
    }
    if (first.isEmpty()) {
      first = answered;
    }
    return more(new Page(nextPage, pageSize, listed, first, answered), what);
  }

  /**
   * Every item, page after page until the total, without holding a thread while a page is on its
   * way: for lists read whole, inside other asynchronous work.
   */
  public static <P, I> CompletableFuture<List<I>> all(
      IntFunction<CompletableFuture<RetryingCalls.Answer<P>>> request,
      Function<P, List<I>> items, String what) {
    return from(1, OptionalLong.empty(), new ArrayList<>(), request, items, what);
  }

  /**
   * @param first the total the first page's answer counted; empty before it
   */
  private static <P, I> CompletableFuture<List<I>> from(int page, OptionalLong first,
      List<I> listed, IntFunction<CompletableFuture<RetryingCalls.Answer<P>>> request,
      Function<P, List<I>> items, String what) {
    return request.apply(page).thenCompose(answer -> {
      List<I> got = items.apply(answer.message());
      listed.addAll(got);
      OptionalLong answered = totalIn(answer.headers(), what);
      OptionalLong counted = first.isPresent() ? first : answered;
      return more(new Page(page, got.size(), listed.size(), counted, answered), what)
          ? from(page + 1, counted, listed, request, items, what)
          : CompletableFuture.completedFuture(List.copyOf(listed));
    });
  }

  /**
   * A page as it came back.
   *
   * @param number from 1
   * @param listed the items of this page and those before it
   * @param first the total the first page's answer counted
   * @param total the total this page's answer counted
   */
  private record Page(int number, int size, long listed, OptionalLong first,
      OptionalLong total) {}

  /**
   * Whether there is a page after {@code page}.
   *
   * @throws MigrationException when the server lost entries while the list was read
   */
  private static boolean more(Page page, String what) {
    if (page.total().isEmpty()) {
      return page.size() == PAGE_SIZE;
    }
    long total = page.total().getAsLong();
    if (page.first().isPresent() && total < page.first().getAsLong()) {
      throw new MigrationException(what + ": the server's count (x-total-count) fell from "
          + page.first().getAsLong() + " to " + total + " by page " + page.number() + ": entries"
          + " were deleted while the list was read, and the later pages skip as many others, so"
          + " not everything was listed; run again once nothing is deleted there meanwhile");
    }
    if (page.size() == 0 && page.listed() < total) {
      throw new MigrationException(what + ": page " + page.number() + " came back empty after "
          + page.listed() + " of the " + total + " entries the server counted, so not"
          + " everything was listed; run again");
    }
    return page.listed() < total;
  }

  /** The {@code x-total-count} of an answer; empty where the server sent none. */
  public static OptionalLong totalIn(Metadata headers, String what) {
    String header = headers.get(TOTAL_COUNT);
    if (header == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      throw new MigrationException(what + ": the server sent an invalid x-total-count \""
          + header + "\"");
    }
  }

  @Override
  public OptionalLong total() {
    return total;
  }

  @Override
  public I next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.poll();
  }
}
