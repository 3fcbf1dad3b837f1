package org.ttnlw.migrate.pipeline;

import org.ttnlw.migrate.core.ItemRejectedException;

/** One step that turns an item read from the source (a device, a gateway) into the one to import. */
@FunctionalInterface
public interface Transform<T> {

  /**
   * @throws ItemRejectedException when the item cannot be exported as asked
   */
  T apply(T item);

  default Transform<T> andThen(Transform<T> next) {
    return item -> next.apply(apply(item));
  }
}
