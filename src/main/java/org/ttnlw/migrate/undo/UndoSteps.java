package org.ttnlw.migrate.undo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
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

  /**
   * The target step of an item: deleted there (read back gone) only if the migration created it
   * and it is unchanged since, recorded before and after; then {@code source} does the source
   * step, told what the target step did. An item the migration did not create, or that changed
   * in the target, is left alone at both ends.
   */
  <T> CompletableFuture<UndoResult<R>> outOfTarget(R ref, RunJournal<R> migration,
      TargetSide<T> target, Function<String, CompletableFuture<UndoResult<R>>> source) {
    Optional<String> targetStep = undo.noted(ref, TARGET_DONE);
    if (targetStep.isPresent() && !targetStep.get().equals(DELETING)) {
      return source.apply("deleted from the target by an earlier undo");
    }
    Optional<String> created = migration.noted(ref, RunJournal.TARGET_CREATED);
    if (created.isEmpty()) {
      return left(ref, notCreated(migration.progress(ref)));
    }
    T written = target.written(created.get());
    String name = target.name(written);
    if (targetStep.isPresent()) {
      // An earlier undo found it unchanged and was deleting it: what is left of it goes.
      return remove(ref, target, written, source);
    }
    return target.removable(written).thenCompose(removal -> switch (removal.kind()) {
      case CHANGED -> left(ref, "changed in the target (" + name + ") since this run "
          + target.verb() + " it, in " + String.join(", ", removal.differing()) + "; left in the"
          + " target and at the source as they are");
      case GONE -> {
        record(ref, TARGET_DONE, "gone");
        yield source.apply("already gone from the target (" + name + ")");
      }
      case UNCHANGED -> dryRun
          ? source.apply("would be deleted from the target (" + name + ")" + target.alsoRemoved())
          : remove(ref, target, written, source);
    });
  }

  private <T> CompletableFuture<UndoResult<R>> remove(R ref, TargetSide<T> target, T written,
      Function<String, CompletableFuture<UndoResult<R>>> source) {
    record(ref, TARGET_DONE, DELETING);
    return target.remove(written).thenCompose(removed -> {
      record(ref, TARGET_DONE, "deleted");
      return source.apply("deleted from the target (" + target.name(written) + ")"
          + target.alsoRemoved());
    });
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
