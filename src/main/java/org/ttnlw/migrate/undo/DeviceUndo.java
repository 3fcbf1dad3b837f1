package org.ttnlw.migrate.undo;

import static org.ttnlw.migrate.undo.UndoSteps.SOURCE_DONE;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.RestorableSource;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.target.TtsTarget;

/**
 * Undoes one device of a migration, in the one safe order: the target stops serving it (deleted
 * and read back gone) before the source serves it again, so two networks never serve it at
 * once. Each step is recorded in the undo's own journal as soon as it is done, so that a re-run
 * after a crash goes on from there.
 */
final class DeviceUndo implements ItemUndo<DeviceRef> {
  /** The source step started: the device's re-creation at the source begun. */
  private static final String RECREATING = "re-creating";

  private final RunJournal<DeviceRef> migration;
  private final RunJournal<DeviceRef> undo;
  private final UndoSteps<DeviceRef> steps;
  private final Source source;
  private final String sourceName;
  private final TargetSide<EndDevice> inTarget;
  private final boolean dryRun;

  /** @param sourceName how the source is named on the command line, for messages */
  DeviceUndo(RunJournal<DeviceRef> migration, UndoSteps<DeviceRef> steps, Source source,
      String sourceName, TtsTarget target, boolean dryRun) {
    this.migration = migration;
    this.undo = steps.journal();
    this.steps = steps;
    this.source = source;
    this.sourceName = sourceName;
    this.inTarget = new DevicesInTarget(target);
    this.dryRun = dryRun;
  }

  @Override
  public CompletableFuture<UndoResult<DeviceRef>> undo(DeviceRef ref) {
    Optional<String> unrestorable = unrestorable(ref);
    if (unrestorable.isPresent()) {
      // Deleting it from the target would leave it served by no network at all.
      return left(ref, unrestorable.get() + "; left in the target and at the source as they are");
    }
    return steps.outOfTarget(ref, migration, inTarget, said -> restoreSource(ref, said));
  }

  /** Why the source cannot be put back as it was, if it cannot. */
  private Optional<String> unrestorable(DeviceRef ref) {
    Optional<SourceStep> step = sourceStep(ref);
    if (step.isEmpty()) {
      return Optional.empty();
    }
    if (migration.noted(ref, RunJournal.SOURCE_BEFORE).isEmpty()) {
      return Optional.of(step.get() == SourceStep.DELETE
          ? "it was deleted at the source, and this run kept no copy to re-create it from (the"
              + " " + sourceName + " source keeps none, or the journal was written by a version"
              + " that did not): re-create it at the source by hand (from its line in the"
              + " migration's --output file, if it had one) before deleting it from the target"
          : "the journal does not say how it was at the source before the run (it was written by"
              + " a version before undo)");
    }
    return source instanceof RestorableSource ? Optional.empty()
        : Optional.of("the " + sourceName + " source cannot put it back as it was");
  }

  /** What the run did to the device at the source, if anything. */
  private Optional<SourceStep> sourceStep(DeviceRef ref) {
    return switch (migration.progress(ref)) {
      case DISABLED -> Optional.of(SourceStep.DISABLE);
      case DELETED -> Optional.of(SourceStep.DELETE);
      default -> Optional.empty();
    };
  }

  /** Puts the source back, once the target no longer serves the device. */
  private CompletableFuture<UndoResult<DeviceRef>> restoreSource(DeviceRef ref,
      String targetSaid) {
    Optional<SourceStep> step = sourceStep(ref);
    if (step.isEmpty()) {
      return done(ref, targetSaid + "; the run had not changed it at the source");
    }
    Optional<String> earlier = undo.noted(ref, SOURCE_DONE);
    if (earlier.isPresent() && !earlier.get().equals(RECREATING)) {
      return done(ref, targetSaid + "; restored at the source by an earlier undo");
    }
    boolean deleted = step.get() == SourceStep.DELETE;
    if (dryRun) {
      return done(ref, targetSaid + (deleted
          ? "; would be re-created at the source from the journal's copy"
          : "; would be restored at the source"));
    }
    String before = migration.noted(ref, RunJournal.SOURCE_BEFORE).orElseThrow();
    // What an interrupted re-creation left at the source goes first, so that it is made whole.
    CompletableFuture<Void> cleared = earlier.isPresent() ? source.delete(ref)
        : CompletableFuture.completedFuture(null);
    if (deleted) {
      record(ref, SOURCE_DONE, RECREATING);
    }
    return cleared
        .thenCompose(ignored -> ((RestorableSource) source).restore(ref, step.get(), before))
        .thenApply(restored -> {
          if (restored == RestorableSource.Restored.FOUND_THERE) {
            record(ref, SOURCE_DONE, "found there");
            record(ref, UndoSteps.DONE, "yes");
            return new UndoResult<>(ref, UndoResult.Kind.LEFT_ALONE, targetSaid + "; the source holds a"
                + " device " + ref.deviceId() + " again (re-created since the run): left as it"
                + " is there, not overwritten from the journal's copy");
          }
          record(ref, SOURCE_DONE, "restored");
          return finished(ref, targetSaid + (deleted
              ? "; re-created at the source from the journal's copy, and read back"
              : "; restored at the source"));
        });
  }

  private CompletableFuture<UndoResult<DeviceRef>> done(DeviceRef ref, String said) {
    return steps.done(ref, said);
  }

  private UndoResult<DeviceRef> finished(DeviceRef ref, String said) {
    return steps.finished(ref, said);
  }

  private static CompletableFuture<UndoResult<DeviceRef>> left(DeviceRef ref, String said) {
    return UndoSteps.left(ref, said);
  }

  private void record(DeviceRef ref, String step, String value) {
    steps.record(ref, step, value);
  }
}
