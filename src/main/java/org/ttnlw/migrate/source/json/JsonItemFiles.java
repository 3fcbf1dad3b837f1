package org.ttnlw.migrate.source.json;

import com.google.protobuf.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.core.Utf8Lines;
import org.ttnlw.migrate.json.TtsJson;

/**
 * Items (devices, gateways) in TTS JSON, read from files one after another (or stdin), for the
 * imports. A record that is not such an item fails on its own, naming its file and line; the
 * others still go in. Nothing is ever changed here.
 *
 * @param <R> how an item is referred to
 * @param <T> the item
 */
final class JsonItemFiles<R, T extends Message> implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JsonItemFiles.class);

  /**
   * What is read: its name in messages, how a record is parsed, how an item is referred to.
   *
   * @param refOf the item's reference, or null when the item lacks its ID
   * @param malformed a reference standing for a record that is not an item, from its file and a
   *     label unique in the run
   */
  record Kind<R, T extends Message>(String noun, String idField,
      Supplier<Message.Builder> builder, Function<T, R> refOf,
      BiFunction<String, String, R> malformed) {}

  private final List<Path> files;
  private final InputStream stdin;
  private final Kind<R, T> kind;
  private final Map<R, CompletableFuture<T>> read = new ConcurrentHashMap<>();
  private final Set<R> seen = new HashSet<>();
  private int malformed;
  private long counted;
  private long repeated;
  private Utf8Lines open;

  /** @param files read in order; with none, stdin is read */
  JsonItemFiles(List<Path> files, InputStream stdin, Kind<R, T> kind) {
    for (Path file : files) {
      if (!Files.isReadable(file)) {
        throw new ConfigException("cannot read " + file + (Files.exists(file) ? "" : ": no"
            + " such file"));
      }
    }
    this.files = List.copyOf(files);
    this.stdin = stdin;
    this.kind = kind;
  }

  /** The items of every file, in order; a record that is not an item stands for its error. */
  Iterator<R> items() {
    Iterator<Path> remaining = files.iterator();
    return new Iterator<>() {
      private String name = files.isEmpty() ? "stdin" : null;
      private Iterator<JsonRecords.Record> records = files.isEmpty()
          ? new JsonRecords(new Utf8Lines(stdin)) : Collections.emptyIterator();

      private R next;

      @Override
      public boolean hasNext() {
        while (next == null && hasNextRecord()) {
          R ref = parse(name, records.next());
          if (ref != null) {
            next = ref;
          }
        }
        return next != null;
      }

      private boolean hasNextRecord() {
        while (!records.hasNext() && remaining.hasNext()) {
          Path file = remaining.next();
          name = file.toString();
          try {
            closeOpenFile();
            open = new Utf8Lines(Files.newInputStream(file));
            records = new JsonRecords(open);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
          }
        }
        return records.hasNext();
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        R current = next;
        next = null;
        return current;
      }
    };
  }

  /** The record's item, or null for an item given before (skipped with a warning). */
  @SuppressWarnings("unchecked")
  private R parse(String file, JsonRecords.Record record) {
    String where = file + " line " + record.line();
    counted++;
    try {
      if (record.problem() != null) {
        throw new MigrationException(record.problem());
      }
      if (!record.text().startsWith("{")) {
        throw new MigrationException("not a JSON object: " + shortened(record.text()));
      }
      T item = (T) TtsJson.instance().merge(record.text(), kind.builder().get()).build();
      R ref = kind.refOf().apply(item);
      if (ref == null) {
        throw new MigrationException("the " + kind.noun() + " has no " + kind.idField());
      }
      if (!seen.add(ref)) {
        repeated++;
        log.warn("{}: {} {} was given before; importing it once", where, kind.noun(), ref);
        return null;
      }
      read.put(ref, CompletableFuture.completedFuture(item));
      return ref;
    } catch (RuntimeException e) {
      R ref = kind.malformed().apply(file, "line-" + record.line() + "-" + ++malformed);
      read.put(ref, CompletableFuture.failedFuture(new MigrationException(where + ": not a TTS "
          + kind.noun() + ": " + e.getMessage(), e)));
      return ref;
    }
  }

  private static String shortened(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  /** What was read so far. */
  RecordInput.RecordsRead recordsRead() {
    return new RecordInput.RecordsRead(counted, repeated);
  }

  CompletableFuture<T> fetch(R ref) {
    return read.remove(ref);
  }

  /** The item {@code ref} stands for, as read; empty for a record that is not an item. */
  Optional<T> item(R ref) {
    CompletableFuture<T> item = read.get(ref);
    return item == null || item.isCompletedExceptionally() ? Optional.empty()
        : Optional.of(item.join());
  }

  private void closeOpenFile() throws IOException {
    if (open != null) {
      open.close();
      open = null;
    }
  }

  @Override
  public void close() {
    try {
      closeOpenFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
