package org.ttnlw.migrate.undo;

import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.target.Removal;

/**
 * What an undo needs of the target for one kind of item the migration created there: the item
 * as the journal kept it, and how it is compared and deleted.
 *
 * @param <T> the item as the migration wrote it
 */
interface TargetSide<T> {
  /** The item as written, from the migration journal's note of it. */
  T written(String created);

  /** How messages name it in the target. */
  String name(T written);

  /** "created", "registered": what the migration did, for messages. */
  String verb();

  /** What is deleted with the item, for messages: empty, or ", with …". */
  String alsoRemoved();

  CompletableFuture<Removal> removable(T written);

  /** Deletes it (and what goes with it) and reads it back gone. */
  CompletableFuture<Void> remove(T written);
}
