package org.ttnlw.migrate.undo;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.pipeline.Progress;
import org.ttnlw.migrate.pipeline.RefFormat;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceConnection;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.target.GatewayRemover;
import org.ttnlw.migrate.target.TtsTarget;

/**
 * What {@link UndoRun} needs of one kind of item: its journal, how it is named on the command
 * line, and its two ends opened and checked for the items chosen.
 */
final class UndoKind<R> {
  /** The ends opened for an undo; closing it closes them. */
  record Opened<R>(ItemUndo<R> undo, Runnable closeEnds) implements AutoCloseable {
    @Override
    public void close() {
      closeEnds.run();
    }
  }

  /** Opens and checks the ends for the items chosen. */
  private interface Opener<R> {
    Opened<R> open(RunJournal<R> migration, UndoSteps<R> steps, List<R> chosen);
  }

  private final String noun;
  private final RunJournal.Kind journalKind;
  private final RefFormat<R> refs;
  private final Function<R, String> id;
  private final Opener<R> opener;

  private UndoKind(String noun, RunJournal.Kind journalKind, RefFormat<R> refs,
      Function<R, String> id, Opener<R> opener) {
    this.noun = noun;
    this.journalKind = journalKind;
    this.refs = refs;
    this.id = id;
    this.opener = opener;
  }

  static UndoKind<DeviceRef> devices(UndoRun.Ends ends, boolean dryRun) {
    return new UndoKind<>("device", RunJournal.Kind.MIGRATION, RefFormat.DEVICES,
        DeviceRef::deviceId, (migration, steps, chosen) -> {
          Source source = ends.openSource();
          TtsTarget target = closingOnFailure(source, ends::openTarget);
          Opened<DeviceRef> opened = new Opened<>(new DeviceUndo(migration, steps, source,
              ends.sourceName(), target, dryRun), () -> {
                try (source) {
                  target.close();
                }
              });
          return checked(opened, () -> {
            source.preflight(new SourceNeeds(chosen.stream().map(DeviceRef::applicationId)
                .filter(application -> !application.isEmpty()).distinct().toList(),
                dryRun ? SourceStep.KEEP : SourceStep.DISABLE,
                !dryRun && chosen.stream()
                    .anyMatch(ref -> migration.progress(ref) == Progress.DELETED)));
            target.checkApplication();
          });
        });
  }

  static UndoKind<GatewayRef> gateways(UndoRun.Ends ends, boolean dryRun) {
    return new UndoKind<>("gateway", RunJournal.Kind.GATEWAY_MIGRATION, RefFormat.GATEWAYS,
        GatewayRef::id, (migration, steps, chosen) -> {
          GatewaySource source = ends.openGatewaySource();
          GatewayRemover target = closingOnFailure(source, ends::openGatewayTarget);
          Opened<GatewayRef> opened = new Opened<>(new GatewayUndo(migration, steps, source,
              ends.sourceName(), target, dryRun), () -> {
                try (source) {
                  target.close();
                }
              });
          return checked(opened, source::preflight);
        });
  }

  /** Opens the second end; the first is closed if that fails. */
  private static <T> T closingOnFailure(SourceConnection first, Supplier<T> second) {
    try {
      return second.get();
    } catch (RuntimeException e) {
      first.close();
      throw e;
    }
  }

  /** The ends once their pre-flight passed; closed if it did not. */
  private static <R> Opened<R> checked(Opened<R> opened, Runnable preflight) {
    try {
      preflight.run();
      return opened;
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
  }

  String noun() {
    return noun;
  }

  RunJournal.Kind journalKind() {
    return journalKind;
  }

  RefFormat<R> refs() {
    return refs;
  }

  /** The item's ID as the command line names it (at the source). */
  String id(R ref) {
    return id.apply(ref);
  }

  Opened<R> open(RunJournal<R> migration, UndoSteps<R> steps, List<R> chosen) {
    return opener.open(migration, steps, chosen);
  }
}
