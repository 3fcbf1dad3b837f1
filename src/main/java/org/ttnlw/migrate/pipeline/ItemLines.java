package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Message;
import java.util.List;
import org.ttnlw.migrate.core.ItemRejectedException;

/** How {@link LineWriter} writes items: a header before the first, and one line per item. */
public interface ItemLines {
  /** What comes before the first item, with its line end; empty for none. */
  String header();

  /**
   * The item's line, with its line end.
   *
   * @throws ItemRejectedException when the format cannot hold the item; nothing is written then
   */
  String line(Message item);

  /** What the run's summary should add about the output, one line each. */
  default List<String> remarks() {
    return List.of();
  }
}
