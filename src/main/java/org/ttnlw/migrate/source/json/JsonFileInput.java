package org.ttnlw.migrate.source.json;

import com.google.protobuf.Message;
import java.util.concurrent.CompletableFuture;

/**
 * What the two file inputs share: items read from TTS JSON files (or stdin), counted as records,
 * and never changed at their "source": a delete there is done at once.
 *
 * @param <R> how an item is referred to
 * @param <T> the item
 */
abstract class JsonFileInput<R, T extends Message> implements RecordInput {
  final JsonItemFiles<R, T> files;

  JsonFileInput(JsonItemFiles<R, T> files) {
    this.files = files;
  }

  public CompletableFuture<T> fetch(R item) {
    return files.fetch(item);
  }

  /** Files are not changed: what was read stays where it is. */
  public CompletableFuture<Void> delete(R item) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public RecordsRead recordsRead() {
    return files.recordsRead();
  }

  public void close() {
    files.close();
  }
}
