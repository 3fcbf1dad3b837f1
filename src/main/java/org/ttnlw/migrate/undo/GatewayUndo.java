package org.ttnlw.migrate.undo;

import static org.ttnlw.migrate.undo.UndoSteps.SOURCE_DONE;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.pipeline.Progress;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.LnsSettings;
import org.ttnlw.migrate.target.GatewayRemover;
import org.ttnlw.migrate.target.GatewayTarget;

/**
 * Undoes one gateway of a migration, in the one safe order: the target stops serving it (its
 * LNS key and then the gateway deleted, read back gone) before the source's CUPS server sends
 * it back there (the settings the journal kept from before the redirect). A gateway the run did
 * not create in the target, or that changed there since, is left alone at both ends.
 */
final class GatewayUndo implements ItemUndo<GatewayRef> {
  private final RunJournal<GatewayRef> migration;
  private final UndoSteps<GatewayRef> steps;
  private final GatewaySource source;
  private final String sourceName;
  private final GatewayRemover target;
  private final boolean dryRun;

  /** @param sourceName how the source is named on the command line, for messages */
  GatewayUndo(RunJournal<GatewayRef> migration, UndoSteps<GatewayRef> steps,
      GatewaySource source, String sourceName, GatewayRemover target, boolean dryRun) {
    this.migration = migration;
    this.steps = steps;
    this.source = source;
    this.sourceName = sourceName;
    this.target = target;
    this.dryRun = dryRun;
  }

  @Override
  public CompletableFuture<UndoResult<GatewayRef>> undo(GatewayRef ref) {
    if (migration.progress(ref) == Progress.DELETED) {
      // Deleting it from the target would leave it registered nowhere.
      return UndoSteps.left(ref, "it was deleted at the source (" + sourceName + "), and undo"
          + " cannot register a gateway there again: register it at the source by hand (as its"
          + " line in the migration's --output file, or the target, has it), point it back"
          + " there, then delete it from the target; left in the target as it is");
    }
    if (cupsBefore(ref).isPresent() && source.cupsRedirect().isEmpty()) {
      return UndoSteps.left(ref, "the run changed its CUPS settings at the source, and the "
          + sourceName + " source cannot put them back: give undo the --source the migration"
          + " read; left in the target and at the source as they are");
    }
    return steps.outOfTarget(ref, migration, new GatewayInTarget(target,
        migration.noted(ref, GatewayTarget.LNS_KEY_NOTE)), said -> restoreSource(ref, said));
  }

  /** What the source's CUPS server handed the gateway before the run redirected it, if it did. */
  private Optional<LnsSettings> cupsBefore(GatewayRef ref) {
    return LnsSettings.noted(name -> migration.noted(ref, name));
  }

  /** Puts the source's CUPS settings back, once the target no longer serves the gateway. */
  private CompletableFuture<UndoResult<GatewayRef>> restoreSource(GatewayRef ref,
      String targetSaid) {
    Optional<LnsSettings> before = cupsBefore(ref);
    if (before.isEmpty()) {
      return steps.done(ref, targetSaid + "; the run changed nothing of it at the source ("
          + sourceName + "): if the gateway itself was pointed at the target, point it back");
    }
    if (steps.journal().noted(ref, SOURCE_DONE).isPresent()) {
      return steps.done(ref, targetSaid + "; its CUPS settings at the source restored by an"
          + " earlier undo");
    }
    if (dryRun) {
      return steps.done(ref, targetSaid + "; its CUPS settings at the source would be"
          + " restored");
    }
    return source.cupsRedirect().orElseThrow().write(ref, before.get()).thenApply(restored -> {
      steps.record(ref, SOURCE_DONE, "restored");
      return steps.finished(ref, targetSaid + "; its CUPS settings at the source restored (it"
          + " goes back there on its next CUPS request)");
    });
  }
}
