package org.ttnlw.migrate.pipeline;

import com.google.protobuf.Message;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.ItemRejectedException;
import org.ttnlw.migrate.core.OwnerOnlyFiles;
import org.ttnlw.migrate.json.TtsJson;

/**
 * Writes devices or gateways as TTS JSON, one whole line per item. When {@link #write}
 * returns, the line has left this process (stdout) or is on disk (a file).
 */
public final class LineWriter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(LineWriter.class);

  private final OutputStream out;
  private final FileChannel file;
  private final TtsJson json = TtsJson.instance();
  private long offset;

  private LineWriter(OutputStream out, FileChannel file, long offset) {
    this.out = out;
    this.file = file;
    this.offset = offset;
  }

  public static LineWriter toStream(OutputStream out) {
    return new LineWriter(out, null, 0);
  }

  /**
   * Appends to {@code path} after the last line the journal recorded. Anything
   * beyond it (half a line from a crash, or a device written but not recorded) is
   * cut off, so that no device ends up in the file twice.
   */
  public static LineWriter toFile(Path path, RunJournal<?> journal, String items) throws IOException {
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
    return new LineWriter(Channels.newOutputStream(channel), channel, committed);
  }

  /**
   * Writes the item and returns where the output ends after it.
   *
   * @throws ItemRejectedException when the item cannot be written as TTS JSON, with the
   *     cause; nothing is written then
   */
  public long write(Message item) throws IOException {
    byte[] line;
    try {
      line = (json.toJson(item) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      throw new ItemRejectedException("cannot be written as TTS JSON: " + e.getMessage());
    }
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

  @Override
  public void close() throws IOException {
    if (file != null) {
      file.close();
    }
  }
}
