package org.ttnlw.migrate.undo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.pipeline.Progress;
import org.ttnlw.migrate.pipeline.RunJournal;

/**
 * The undo's own journal of one kind of item, and how an item's undo ends: each step recorded
 * as soon as it is done, so that a re-run after a crash goes on from there. A dry run records
 * nothing.
 */
final class UndoSteps<R> {
  /** The undo journal's notes: the target step done, the source step done, the item done. */
  static final String TARGET_DONE = "target";
  static final String SOURCE_DONE = "source";
  static final String DONE = "undone";
  /** The target step started: the item was found unchanged, and its deletion begun. */
  static final String DELETING = "deleting";

  private final RunJournal<R> undo;
  private final boolean dryRun;

  UndoSteps(RunJournal<R> undo, boolean dryRun) {
    this.undo = undo;
    this.dryRun = dryRun;
  }

  RunJournal<R> journal() {
    return undo;
  }

  /** Why an item the migration's journal does not record as created in the target is left. */
  static String notCreated(Progress progress) {
    return progress == Progress.DELIVERING
        ? "its migration was cut short before the journal recorded it created in the target;"
            + " check the target, and the source, by hand"
        : "the journal does not record this run creating it in the target (it was there"
            + " before the run, or a re-run found it there); left in the target and at the"
            + " source as they are";
  }

  /** The item is undone (or, in a dry run, would be) without a further step at the source. */
  CompletableFuture<UndoResult<R>> done(R ref, String said) {
    if (dryRun) {
      return CompletableFuture.completedFuture(
          new UndoResult<>(ref, UndoResult.Kind.WOULD_UNDO, said));
    }
    return CompletableFuture.completedFuture(finished(ref, said));
  }

  UndoResult<R> finished(R ref, String said) {
    record(ref, DONE, "yes");
    return new UndoResult<>(ref, UndoResult.Kind.UNDONE, said);
  }

  static <R> CompletableFuture<UndoResult<R>> left(R ref, String said) {
    return CompletableFuture.completedFuture(
        new UndoResult<>(ref, UndoResult.Kind.LEFT_ALONE, said));
  }

  void record(R ref, String step, String value) {
    if (dryRun) {
      return;
    }
    try {
      undo.note(ref, step, value);
    } catch (IOException e) {
      throw new UncheckedIOException("recording progress in " + undo.path() + " failed ("
          + e.getMessage() + ")", e);
    }
  }
}
