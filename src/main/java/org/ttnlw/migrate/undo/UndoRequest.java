package org.ttnlw.migrate.undo;

import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What {@code undo} is asked to do, checked from its flags.
 *
 * @param state the migration's journal
 * @param deviceIds the devices to undo, by their ID at the source; empty: every device the
 *     journal holds
 * @param limit at most this many devices not yet undone, in the journal's order
 * @param concurrency devices undone at once
 */
public record UndoRequest(Path state, Set<String> deviceIds, OptionalInt limit, boolean dryRun,
    int concurrency) {

  /** The undo's own journal, beside the migration's: what the undo has done, for a re-run. */
  public Path undoJournal() {
    return Path.of(state + ".undo");
  }

  boolean selects(String deviceId) {
    return deviceIds.isEmpty() || deviceIds.contains(deviceId);
  }
}
