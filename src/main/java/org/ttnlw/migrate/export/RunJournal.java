package org.ttnlw.migrate.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.SourceStep;

/**
 * What a run has done per device, appended to a state file and synced to disk
 * before the next step, so that a re-run of the same command skips what is
 * complete and finishes what is half-way. One line per step:
 * {@code delivering APP DEV} (a migration, before the target is changed),
 * {@code exported APP DEV OUTPUT-OFFSET}, {@code disabled APP DEV},
 * {@code deleted APP DEV}. The header says whether an export or a migration keeps it:
 * a device exported to a file is not in a target.
 */
public final class RunJournal implements AutoCloseable {
  private static final String HEADER = "# ttn-lw-migrate run journal v1";

  /** What kind of run keeps the journal. */
  public enum Kind {
    EXPORT(HEADER),
    MIGRATION(HEADER + " migration");

    private final String header;

    Kind(String header) {
      this.header = header;
    }
  }

  private final Path path;
  private final FileChannel channel;
  private final Map<DeviceRef, DeviceProgress> progress;
  private long committedOutputOffset;

  private RunJournal(Path path, FileChannel channel, Map<DeviceRef, DeviceProgress> progress,
      long committedOutputOffset) {
    this.path = path;
    this.channel = channel;
    this.progress = progress;
    this.committedOutputOffset = committedOutputOffset;
  }

  /** A journal that remembers nothing, for runs without {@code --state}. */
  public static RunJournal none() {
    return new RunJournal(null, null, Map.of(), 0);
  }

  /** Opens (or creates) the state file and reads what earlier runs of {@code kind} recorded. */
  public static RunJournal open(Path path, Kind kind) throws IOException {
    Map<DeviceRef, DeviceProgress> progress = new HashMap<>();
    long offset = 0;
    if (Files.exists(path)) {
      List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
      if (!lines.isEmpty() && !lines.get(0).equals(kind.header)) {
        Kind other = lines.get(0).equals(Kind.EXPORT.header) ? Kind.EXPORT
            : lines.get(0).equals(Kind.MIGRATION.header) ? Kind.MIGRATION : null;
        throw new IOException(path + (other == null ? " is not a ttn-lw-migrate state file"
            : " is the state file of " + (other == Kind.EXPORT ? "an export" : "a migration")
                + "; give this run another --state (or --output)"));
      }
      for (int i = 1; i < lines.size(); i++) {
        String[] fields = lines.get(i).split("\t", -1);
        boolean last = i == lines.size() - 1;
        try {
          offset = Math.max(offset, apply(fields, progress));
        } catch (RuntimeException e) {
          if (!last) {
            throw new IOException(path + " line " + (i + 1) + " is damaged: " + lines.get(i));
          }
          // A line cut short by a crash: the step it describes did not complete.
        }
      }
    }
    FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    RunJournal journal = new RunJournal(path, channel, progress, offset);
    if (channel.size() == 0) {
      journal.append(kind.header);
    } else if (!endsWithNewline(path)) {
      journal.append("");
    }
    return journal;
  }

  private static long apply(String[] fields, Map<DeviceRef, DeviceProgress> progress) {
    DeviceRef ref = new DeviceRef(fields[1], fields[2]);
    switch (fields[0]) {
      case "delivering" -> progress.merge(ref, DeviceProgress.DELIVERING, RunJournal::furthest);
      case "exported" -> {
        progress.merge(ref, DeviceProgress.EXPORTED, RunJournal::furthest);
        return Long.parseLong(fields[3]);
      }
      // "downlinks-disabled" is how journals written before other sources existed say it.
      case "disabled", "downlinks-disabled" ->
          progress.merge(ref, DeviceProgress.DISABLED, RunJournal::furthest);
      case "deleted" -> progress.merge(ref, DeviceProgress.DELETED, RunJournal::furthest);
      default -> throw new IllegalArgumentException(fields[0]);
    }
    return 0;
  }

  private static DeviceProgress furthest(DeviceProgress a, DeviceProgress b) {
    return a.compareTo(b) >= 0 ? a : b;
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

  /** Whether any device was recorded, i.e. this is a re-run. */
  public boolean hasEntries() {
    return !progress.isEmpty();
  }

  public DeviceProgress progress(DeviceRef ref) {
    return progress.getOrDefault(ref, DeviceProgress.NEW);
  }

  /** Where the output ends after the last device recorded as exported. */
  public long committedOutputOffset() {
    return committedOutputOffset;
  }

  /** Records that the device's delivery into the target starts. */
  public void delivering(DeviceRef ref) throws IOException {
    record(ref, DeviceProgress.DELIVERING, "delivering\t" + ref.applicationId() + "\t"
        + ref.deviceId());
  }

  /** Records that the device's JSON is written (and synced) up to {@code outputOffset}. */
  public void exported(DeviceRef ref, long outputOffset) throws IOException {
    record(ref, DeviceProgress.EXPORTED, "exported\t" + ref.applicationId() + "\t"
        + ref.deviceId() + "\t" + outputOffset);
    committedOutputOffset = outputOffset;
  }

  /** Records that the source was told about the exported device. */
  public void finished(DeviceRef ref, SourceStep step) throws IOException {
    DeviceProgress reached = DeviceProgress.after(step);
    if (reached == DeviceProgress.EXPORTED) {
      return;
    }
    String entry = reached == DeviceProgress.DELETED ? "deleted" : "disabled";
    record(ref, reached, entry + "\t" + ref.applicationId() + "\t" + ref.deviceId());
  }

  private void record(DeviceRef ref, DeviceProgress reached, String line) throws IOException {
    if (channel == null) {
      return;
    }
    append(line);
    progress.merge(ref, reached, RunJournal::furthest);
  }

  private void append(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
