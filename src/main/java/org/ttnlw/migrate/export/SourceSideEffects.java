package org.ttnlw.migrate.export;

import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;

/**
 * The only place that changes the source. Called for a device once its JSON has
 * been written, so that two networks never serve it at once: either its downlinks
 * are disabled on the source, or (when asked) it is deleted there. A dry run
 * changes nothing.
 */
public final class SourceSideEffects {
  private static final Logger log = LoggerFactory.getLogger(SourceSideEffects.class);

  /** What is done to the source for each exported device. */
  public enum Action {
    NONE,
    DISABLE_DOWNLINKS,
    DELETE
  }

  private final Source source;
  private final Action action;

  public SourceSideEffects(Source source, MigrationChoices choices, boolean dryRun) {
    this.source = source;
    if (dryRun) {
      if (choices.deleteSourceDevice()) {
        log.warn("--dry-run: devices will NOT be deleted from the source");
      }
      this.action = Action.NONE;
    } else {
      this.action = choices.deleteSourceDevice() ? Action.DELETE : Action.DISABLE_DOWNLINKS;
    }
  }

  public Action action() {
    return action;
  }

  /** Applies the action to a device whose JSON is already written. */
  public CompletableFuture<Void> afterExport(DeviceRef device) {
    return switch (action) {
      case NONE -> CompletableFuture.completedFuture(null);
      case DISABLE_DOWNLINKS -> source.disableDownlinks(device);
      case DELETE -> source.delete(device);
    };
  }
}
