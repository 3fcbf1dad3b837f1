package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.core.OwnerOnlyFiles;

/**
 * Writes devices or gateways one whole line per item, as TTS JSON or another {@link ItemLines}
 * format; a format's header goes out with the first item, so that the journal's offset after
 * that item covers both. When {@link #write} returns, the line has left this process (stdout) or
 * is on disk (a file).
 */
public final class LineWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LineWriter.class);

  private final OutputStream out;
  private final FileChannel file;
  private final ItemLines lines;
  private long offset;

  private LineWriter(OutputStream out, FileChannel file, long offset, ItemLines lines) {
    this.out = out;
    this.file = file;
    this.offset = offset;
    this.lines = lines;
  }

  public static LineWriter toStream(OutputStream out) {
    return toStream(out, new TtsJsonLines());
  }

  public static LineWriter toStream(OutputStream out, ItemLines lines) {
    return new LineWriter(out, null, 0, lines);
  }

  public static LineWriter toFile(Path path, RunJournal<?> journal, String items)
      throws IOException {
    return toFile(path, journal, items, new TtsJsonLines());
  }

  /**
   * Appends to {@code path} after the last line the journal recorded. Anything
   * beyond it (half a line from a crash, or a device written but not recorded) is
   * cut off, so that no device ends up in the file twice.
   */
  public static LineWriter toFile(Path path, RunJournal<?> journal, String items,
      ItemLines lines) throws IOException {
    // Device JSON holds keys (AppKey, session keys): the file is created owner-only.
    FileChannel channel = OwnerOnlyFiles.open(path, StandardOpenOption.WRITE);
    long size = channel.size();
    long committed = journal.committedOutputOffset();
    if (size > 0 && !journal.hasEntries()) {
      channel.close();
      throw new IOException(path + " already holds " + items + ", but the state file "
          + journal.path() + " records none; write to a new file, or pass the state file of the"
          + " run that wrote it with --state");
    }
    if (committed > size) {
      channel.close();
      throw new IOException(path + " is shorter than its state file " + journal.path()
          + " records; it was changed after the run");
    }
    if (size > committed) {
      log.warn("{}: removing {} bytes after the last recorded device (left by an interrupted"
          + " run; those " + items + " are exported again)", path, size - committed);
      channel.truncate(committed);
      channel.force(true);
    }
    channel.position(committed);
    return new LineWriter(Channels.newOutputStream(channel), channel, committed, lines);
  }

  /**
   * Writes the item and returns where the output ends after it.
   *
   * @throws ItemRejectedException when the item cannot be written in the format, with the
   *     cause; nothing is written then
   */
  public long write(Message item) throws IOException {
    String text = lines.line(item);
    byte[] line = (offset == 0 ? lines.header() + text : text).getBytes(StandardCharsets.UTF_8);
    if (file == null) {
      writeToStream(line);
    } else {
      out.write(line);
      out.flush();
      file.force(false);
    }
    offset += line.length;
    return offset;
  }

  private void writeToStream(byte[] line) throws IOException {
    try {
      out.write(line);
      out.flush();
    } catch (IOException e) {
      throw new ReaderGoneException(e);
    }
  }

  /**
   * stdout could not be written: its reader has gone (a pipe closed early, a broken pipe). What
   * was written before may never have been read.
   */
  public static final class ReaderGoneException extends IOException {
    ReaderGoneException(IOException cause) {
      super("stdout's reader has gone: " + cause.getMessage(), cause);
    }
  }

  /** What the format adds to the run's summary. */
  public List<String> remarks() {
    return lines.remarks();
  }

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
