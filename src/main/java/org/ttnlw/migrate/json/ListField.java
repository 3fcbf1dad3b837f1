package org.ttnlw.migrate.json;

import com.google.protobuf.MessageOrBuilder;
import java.util.List;

/**
 * A repeated field, map or not: protobuf reflection gives its value as a list, and it is written
 * only when that list has items.
 */
interface ListField extends FieldCodec {
  @Override
  default Object presentValue(MessageOrBuilder message) {
    List<?> items = (List<?>) message.getField(field());
    return items.isEmpty() ? null : items;
  }

  @Override
  default boolean readsNull() {
    return false;
  }
}
