package org.ttnlw.migrate.devices;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.pipeline.SideEffects;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.RestorableSource;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceStep;

/**
 * The only place that changes the source. Called for a device once it is safe
 * elsewhere (its JSON written, or it is verified in the target), so that two
 * networks never serve it at once: it is disabled on the source or, when asked,
 * deleted there. A dry run changes nothing.
 */
public final class SourceSideEffects implements SideEffects<DeviceRef> {
  private static final Logger log = LoggerFactory.getLogger(SourceSideEffects.class);

  private final Source source;
  private final SourceStep step;
  private final String disabledLabel;
  private final String action;
  private final boolean dryRun;

  public SourceSideEffects(Source source, MigrationChoices choices, boolean dryRun) {
    this.source = source;
    this.disabledLabel = choices.disabledLabel();
    this.action = choices.action();
    this.dryRun = dryRun;
    if (dryRun && choices.afterExport() == SourceStep.DELETE) {
      log.warn("--dry-run: devices will NOT be deleted from the source");
    }
    this.step = dryRun ? SourceStep.KEEP : choices.afterExport();
  }

  @Override
  public SourceStep step() {
    return step;
  }

  @Override
  public String disabledLabel() {
    return disabledLabel;
  }

  @Override
  public String action() {
    return action;
  }

  @Override
  public CompletableFuture<Optional<String>> before(DeviceRef device) {
    if (step == SourceStep.KEEP || !(source instanceof RestorableSource restorable)) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return restorable.before(device, step);
  }

  @Override
  public CompletableFuture<Void> apply(DeviceRef device) {
    return switch (step) {
      case KEEP -> {
        keep(device);
        yield CompletableFuture.completedFuture(null);
      }
      case DISABLE -> source.disable(device);
      case DELETE -> source.delete(device);
    };
  }

  /** Tells the source about a device an earlier run completed, if the source keeps it. */
  @Override
  public void alreadyDone(DeviceRef device) {
    if (step == SourceStep.KEEP) {
      keep(device);
    }
  }

  private void keep(DeviceRef device) {
    if (!dryRun) {
      source.kept(device);
    }
  }
}
