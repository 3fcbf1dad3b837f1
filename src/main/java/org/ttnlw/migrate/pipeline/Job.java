package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Message;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.core.Notices;
import org.ttnlw.migrate.source.SourceConnection;

/**
 * One kind of item through the pipeline: how its source is opened and read, where the items
 * go, and what the source does with each once it is safe elsewhere.
 *
 * @param <R> the items' reference type
 * @param <T> the item as TTS models it
 * @param <S> the opened source
 */
public interface Job<R, T extends Message, S extends SourceConnection> {
  /** What an item is called in messages, e.g. "device". */
  String noun();

  RefFormat<R> refs();

  /** An export, or a migration or import with the checked target settings. */
  Mode<?> mode();

  RunJournal.Kind journalKind();

  /** The state file when neither --state nor --output names one. */
  default Optional<Path> defaultState() {
    return Optional.empty();
  }

  /**
   * Whether the items go to stdout or --output, with a journal next to it; false for a part
   * of a larger run, whose items are only counted and whose journal is {@link
   * #defaultState}.
   */
  default boolean writesOutput() {
    return true;
  }

  /**
   * Whether the items are a source's whole list (an application's devices), which a run
   * without a journal goes through again from the first.
   */
  default boolean listed() {
    return false;
  }

  /** What the summary line starts with, e.g. "gateways: " for a part of a device run. */
  default String summaryPrefix() {
    return "";
  }

  /** Told when every item is written and only the source steps are left. */
  default ExportPipeline.AllWritten allWritten() {
    return whole -> { };
  }

  /**
   * What the source does to each item for good once it is written out (e.g. "deleted"), so
   * that the output is then its only copy; empty when the step can be undone, when there is
   * none, or when the item is verified in a target first.
   */
  default Optional<String> finalSourceStep() {
    return Optional.empty();
  }

  S open(CallSettings context);

  /**
   * The source's pre-flight, before the target is opened and before the output and the journal
   * exist: one cheap call that proves the address, TLS, the key and its rights.
   *
   * @throws ConfigException naming the side, the cause and the flag to fix
   */
  void preflight(S source);

  Iterator<R> items(S source);

  /**
   * How many items this run takes at most ({@code --limit}): the first of {@link #items} that the
   * journal does not have done, so the same command run again takes the next ones.
   */
  default OptionalLong limit() {
    return OptionalLong.empty();
  }

  CompletableFuture<T> read(S source, R ref);

  Transform<T> transform();

  /**
   * Into the target for a migration or an import, opened and checked; {@link Delivery#none()}
   * for an export.
   */
  Delivery<T> delivery(S source, CallSettings context);

  SideEffects<R> sideEffects(S source, Delivery<T> delivery, RunJournal<R> journal);

  /**
   * An item's reference as the fields of its plan line, e.g. application_id, device_id and
   * dev_eui.
   *
   * @param item the item as read, or null when it could not be read
   */
  Map<String, String> planIds(R ref, T item);

  /** What the run's report ends with, from what the run opened. */
  List<String> remarks(S source, Delivery<T> delivery, SideEffects<R> sideEffects);

  /** What the run noticed about single items, said once each with a count at its end. */
  default List<Notices> notices(S source, Delivery<T> delivery) {
    return List.of();
  }

  /**
   * Fails a run that went through every item and still did not do what it was asked, such as
   * a selection by ID none of whose devices the source listed; called once the run's end is
   * said, and recorded as a stopped run.
   *
   * @throws MigrationException saying what was not done
   */
  default void checkEnd() {}
}
