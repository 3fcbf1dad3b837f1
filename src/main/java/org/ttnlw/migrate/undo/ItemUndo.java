package org.ttnlw.migrate.undo;

import java.util.concurrent.CompletableFuture;

/** Undoes one item of a migration: the target first, then the source. */
interface ItemUndo<R> {
  CompletableFuture<UndoResult<R>> undo(R ref);
}
