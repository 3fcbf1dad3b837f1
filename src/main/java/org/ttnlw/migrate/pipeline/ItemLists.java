package org.ttnlw.migrate.pipeline;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;
import org.ttnlw.migrate.core.DeviceCount;

/** The lists of items a run goes through, made from IDs or from a source's own list. */
public final class ItemLists {
  private ItemLists() {}

  /** IDs as typed, each resolved by the source when reached. */
  public static <R> Iterator<R> resolved(Iterator<String> ids, Function<String, R> resolve) {
    return mapped(ids, resolve);
  }

  /** Each item made into another when reached. */
  public static <A, B> Iterator<B> mapped(Iterator<A> items, Function<A, B> mapping) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return items.hasNext();
      }

      @Override
      public B next() {
        return mapping.apply(items.next());
      }
    };
  }

  /**
   * The whole list, read before the first item is handed out (deleting while paging through a
   * list would skip items), with its total known.
   */
  public static <R> Iterator<R> readAll(Iterator<R> items) {
    List<R> all = new ArrayList<>();
    items.forEachRemaining(all::add);
    return new Counted<>(all.iterator(), all.size());
  }

  /** A list read completely, so its total is known. */
  private record Counted<R>(Iterator<R> items, long size)
      implements Iterator<R>, DeviceCount {
    @Override
    public boolean hasNext() {
      return items.hasNext();
    }

    @Override
    public R next() {
      return items.next();
    }

    @Override
    public OptionalLong total() {
      return OptionalLong.of(size);
    }
  }
}
