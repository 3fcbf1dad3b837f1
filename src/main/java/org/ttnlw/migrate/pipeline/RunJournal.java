package org.ttnlw.migrate.pipeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.ttnlw.migrate.core.OwnerOnlyFiles;
import org.ttnlw.migrate.source.SourceStep;

/**
 * What a run has done per item (device or gateway), appended to a state file and synced to disk
 * before the next step, so that a re-run of the same command skips what is complete and
 * finishes what is half-way. One line per step, the item's reference in {@link RefFormat}'s
 * fields: {@code delivering REF} (a migration, before the target is changed),
 * {@code exported REF OUTPUT-OFFSET}, {@code disabled REF} (or the step's own name, e.g.
 * {@code handed-over}), {@code deleted REF}, and notes a step needs on a re-run ({@code note REF
 * KEY VALUE}). The header says which kind of run keeps the journal: a device exported to a file
 * is not in a target, and a gateway is not a device.
 *
 * <p>Thread-safe: a step is recorded as soon as it completes, on whichever thread completed it.
 *
 * @param <R> the reference type of the items
 */
public final class RunJournal<R> implements AutoCloseable {
  private static final String HEADER = "# ttn-lw-migrate run journal v1";

  /**
   * The note of what the source step changed, as the source read it just before (see {@code
   * source.RestorableSource}); journals of versions before {@code undo} have none.
   */
  public static final String SOURCE_BEFORE = "source-before";

  /** The note of the item as this run created it in the target, in TTS JSON. */
  public static final String TARGET_CREATED = "target-created";

  /** What kind of run keeps the journal. */
  public enum Kind {
    EXPORT(HEADER, "an export"),
    MIGRATION(HEADER + " migration", "a migration"),
    GATEWAY_EXPORT(HEADER + " gateway export", "a gateway export"),
    GATEWAY_MIGRATION(HEADER + " gateway migration", "a gateway migration"),
    /** What an undo of a migration did, in notes only. */
    UNDO(HEADER + " undo", "an undo");

    private final String header;
    private final String described;

    Kind(String header, String described) {
      this.header = header;
      this.described = described;
    }

    /** How a message names the run, e.g. "a gateway migration". */
    public String described() {
      return described;
    }
  }

  private final Path path;
  private final FileChannel channel;
  private final RefFormat<R> format;
  private final Map<R, Progress> progress;
  private final Map<R, Map<String, String>> notes;
  private long committedOutputOffset;

  private RunJournal(Path path, FileChannel channel, RefFormat<R> format,
      Map<R, Progress> progress, Map<R, Map<String, String>> notes, long committedOutputOffset) {
    this.path = path;
    this.channel = channel;
    this.format = format;
    this.progress = progress;
    this.notes = notes;
    this.committedOutputOffset = committedOutputOffset;
  }

  /** A journal that remembers nothing, for runs without {@code --state}. */
  public static <R> RunJournal<R> none(RefFormat<R> format) {
    return new RunJournal<>(null, null, format, new HashMap<>(), new HashMap<>(), 0);
  }

  /**
   * Opens (or creates) the state file and reads what earlier runs of {@code kind} recorded.
   *
   * @param dryRun whether this run changes nothing: its journal is marked so, and no other run
   *     may use it (a dry run's "exported" device is not in any target)
   */
  public static <R> RunJournal<R> open(Path path, Kind kind, boolean dryRun,
      RefFormat<R> format) throws IOException {
    Map<R, Progress> progress = new LinkedHashMap<>();
    Map<R, Map<String, String>> notes = new HashMap<>();
    long offset = 0;
    String header = header(kind, dryRun);
    if (Files.exists(path)) {
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      if (!lines.isEmpty() && !lines.get(0).equals(header)) {
        String other = Arrays.stream(Kind.values())
            .flatMap(k -> Stream.of(
                Map.entry(header(k, false), k.described),
                Map.entry(header(k, true), "a dry run of " + k.described)))
            .filter(entry -> entry.getKey().equals(lines.get(0)))
            .map(Map.Entry::getValue).findFirst().orElse(null);
        throw new IOException(path + (other == null ? " is not a ttn-lw-migrate state file"
            : " is the state file of " + other
                + "; give this run another --state (or --output)"));
      }
      boolean whole = lines.size() < 2 || endsWithNewline(path);
      for (int i = 1; i < lines.size(); i++) {
        String[] fields = lines.get(i).split("\t", -1);
        boolean last = i == lines.size() - 1;
        try {
          if (last && !whole) {
            // Each step is appended with its newline in one write: a line without one was cut
            // short, even if what is left still reads as a step (an offset missing digits).
            throw new IllegalArgumentException("cut short");
          }
          offset = Math.max(offset, apply(fields, format, progress, notes));
        } catch (RuntimeException e) {
          if (!last) {
            throw new IOException(path + " line " + (i + 1) + " is damaged: " + lines.get(i));
          }
          // A line cut short by a crash: the step it describes did not complete. It is removed,
          // lest it be damage in the middle of the journal once the next step is appended.
          cutOff(path, lines.get(i).getBytes(StandardCharsets.UTF_8).length + (whole ? 1 : 0));
        }
      }
    }
    // The state file may hold secrets (a gateway's old LNS key).
    FileChannel channel = OwnerOnlyFiles.append(path);
    RunJournal<R> journal = new RunJournal<>(path, channel, format, progress, notes, offset);
    if (channel.size() == 0) {
      journal.append(header);
    } else if (!endsWithNewline(path)) {
      journal.append("");
    }
    return journal;
  }

  /**
   * What the journal of an export or a migration at {@code path} has done, read without changing
   * it: for {@code list}, which shows the devices a run with this journal would take. A line cut
   * short by a crash at its end is left out, as the run would cut it off.
   *
   * @param step what the run does at the source: an item is done once that is done
   * @return the items done; none when there is no such file
   * @throws IOException when the file is not such a journal, or is damaged
   */
  public static <R> Set<R> done(Path path, SourceStep step, RefFormat<R> format)
      throws IOException {
    if (!Files.exists(path)) {
      return Set.of();
    }
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    if (!lines.isEmpty() && kindIn(lines.get(0))
        .filter(kind -> kind == Kind.EXPORT || kind == Kind.MIGRATION).isEmpty()) {
      throw new IOException(path + " is not the journal of an export or a migration");
    }
    Map<R, Progress> progress = new LinkedHashMap<>();
    boolean whole = lines.size() < 2 || endsWithNewline(path);
    for (int i = 1; i < lines.size() - (whole ? 0 : 1); i++) {
      try {
        apply(lines.get(i).split("\t", -1), format, progress, new HashMap<>());
      } catch (RuntimeException e) {
        if (i < lines.size() - 1) {
          throw new IOException(path + " line " + (i + 1) + " is damaged: " + lines.get(i));
        }
      }
    }
    Set<R> done = new HashSet<>();
    progress.forEach((ref, got) -> {
      if (got.isCompleteFor(step)) {
        done.add(ref);
      }
    });
    return done;
  }

  /**
   * What kind of run (not a dry run) keeps the journal at {@code path}, by its header; empty for
   * a file that is not a journal, or one of a dry run.
   */
  public static Optional<Kind> kindOf(Path path) throws IOException {
    try (BufferedReader lines = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return kindIn(Objects.requireNonNullElse(lines.readLine(), ""));
    }
  }

  /** The kind of run (not a dry run) whose journal starts with this header line. */
  private static Optional<Kind> kindIn(String header) {
    return Arrays.stream(Kind.values()).filter(kind -> header(kind, false).equals(header))
        .findFirst();
  }

  private static String header(Kind kind, boolean dryRun) {
    return kind.header + (dryRun ? " (dry run)" : "");
  }

  private static <R> long apply(String[] fields, RefFormat<R> format, Map<R, Progress> progress,
      Map<R, Map<String, String>> notes) {
    int width = format.width();
    R ref = format.parse().apply(List.of(fields).subList(1, 1 + width));
    switch (fields[0]) {
      case "delivering" -> progress.merge(ref, Progress.DELIVERING, RunJournal::furthest);
      case "exported" -> {
        long offset = Long.parseLong(fields[1 + width]);
        progress.merge(ref, Progress.EXPORTED, RunJournal::furthest);
        return offset;
      }
      case "deleted" -> progress.merge(ref, Progress.DELETED, RunJournal::furthest);
      case "note" -> {
        if (fields.length != width + 3) {
          throw new IllegalArgumentException("note");
        }
        notes.computeIfAbsent(ref, r -> new HashMap<>()).put(fields[1 + width], fields[2 + width]);
      }
      // Any other step is the source's way of taking the item out of service: "disabled",
      // "handed-over", or "downlinks-disabled" in journals written before other sources existed.
      default -> {
        if (!fields[0].matches("[a-z][a-z-]*") || fields.length != width + 1) {
          throw new IllegalArgumentException(fields[0]);
        }
        progress.merge(ref, Progress.DISABLED, RunJournal::furthest);
      }
    }
    return 0;
  }

  private static Progress furthest(Progress a, Progress b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void cutOff(Path path, long bytes) throws IOException {
    try (FileChannel write = FileChannel.open(path, StandardOpenOption.WRITE)) {
      write.truncate(write.size() - bytes);
      write.force(true);
    }
  }

  private static boolean endsWithNewline(Path path) throws IOException {
    try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
      ByteBuffer last = ByteBuffer.allocate(1);
      read.read(last, read.size() - 1);
      return last.get(0) == '\n';
    }
  }

  public boolean isEnabled() {
    return channel != null;
  }

  public Path path() {
    return path;
  }

  /** Whether any item was recorded, i.e. this is a re-run. */
  public synchronized boolean hasEntries() {
    return !progress.isEmpty();
  }

  /** The items recorded, in the order of their first step. */
  public synchronized List<R> items() {
    return List.copyOf(progress.keySet());
  }

  public synchronized Progress progress(R ref) {
    return progress.getOrDefault(ref, Progress.NEW);
  }

  /** Where the output ends after the last item recorded as exported. */
  public synchronized long committedOutputOffset() {
    return committedOutputOffset;
  }

  /** Records that the item's delivery into the target starts. */
  public void delivering(R ref) throws IOException {
    record(ref, Progress.DELIVERING, "delivering", List.of());
  }

  /** Records that the item's JSON is written (and synced) up to {@code outputOffset}. */
  public synchronized void exported(R ref, long outputOffset) throws IOException {
    record(ref, Progress.EXPORTED, "exported", List.of(Long.toString(outputOffset)));
    committedOutputOffset = outputOffset;
  }

  /**
   * Records that the source step is done for the exported item.
   *
   * @param disabledEntry how the journal names {@link SourceStep#DISABLE}, e.g. "disabled"
   */
  public void finished(R ref, SourceStep step, String disabledEntry) throws IOException {
    Progress reached = Progress.after(step);
    if (reached == Progress.EXPORTED) {
      return;
    }
    record(ref, reached, reached == Progress.DELETED ? "deleted" : disabledEntry, List.of());
  }

  /**
   * Keeps a value a later step of the item (or a re-run) needs, synced before this returns; in
   * memory only without a state file. Values are single-line text without tabs.
   */
  public synchronized void note(R ref, String key, String value) throws IOException {
    // The journal is read back with readAllLines, which ends a line at a carriage return too.
    if (value.contains("\t") || value.contains("\n") || value.contains("\r")) {
      throw new IllegalArgumentException("a journal note is one line without tabs");
    }
    if (channel != null) {
      append(line("note", ref, List.of(key, value)));
    }
    notes.computeIfAbsent(ref, r -> new HashMap<>()).put(key, value);
  }

  /** The value noted for the item under {@code key}, by this run or an earlier one. */
  public synchronized Optional<String> noted(R ref, String key) {
    return Optional.ofNullable(notes.getOrDefault(ref, Map.of()).get(key));
  }

  private synchronized void record(R ref, Progress reached, String entry, List<String> extra)
      throws IOException {
    if (channel == null) {
      return;
    }
    append(line(entry, ref, extra));
    progress.merge(ref, reached, RunJournal::furthest);
  }

  private String line(String entry, R ref, List<String> extra) {
    List<String> fields = new ArrayList<>();
    fields.add(entry);
    fields.addAll(format.fields().apply(ref));
    fields.addAll(extra);
    return String.join("\t", fields);
  }

  private void append(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
