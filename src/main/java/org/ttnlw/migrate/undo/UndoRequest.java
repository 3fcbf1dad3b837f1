package org.ttnlw.migrate.undo;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What {@code undo} is asked to do, checked from its flags.
 *
 * @param state the migration's journal
 * @param ids the devices (or gateways, for a gateway migration's journal) to undo, by their ID
 *     at the source; empty: every item the journal holds
 * @param limit at most this many items not yet undone, in the journal's order
 * @param concurrency items undone at once
 */
public record UndoRequest(Path state, Set<String> ids, OptionalInt limit, boolean dryRun,
    int concurrency) {

  /** The undo's own journal, beside the migration's: what the undo has done, for a re-run. */
  public Path undoJournal() {
    return Path.of(state + ".undo");
  }

  boolean selects(String id) {
    return ids.isEmpty() || ids.contains(id);
  }
}
