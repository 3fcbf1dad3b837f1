package org.ttnlw.migrate.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.ttnlw.migrate.core.OwnerOnlyFiles;

/**
 * The file {@code --plan} names: JSON lines, one per item, readable by its owner only (it names
 * devices). Each line is appended in one write and synced before the next, so that a crash
 * leaves only whole lines.
 */
public final class PlanFile implements AutoCloseable {
  private static final Path STDOUT = Path.of("/dev/stdout");

  private final Path path;
  private final FileChannel channel;

  private PlanFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /**
   * Opens {@code path}, emptied when {@code fresh}, else for adding lines.
   *
   * @throws IOException when it cannot be written, or is not a regular file (a terminal,
   *     stdout: the plan never goes where device JSON goes)
   */
  public static PlanFile open(Path path, boolean fresh) throws IOException {
    if (path.toString().equals("-") || Files.exists(path)
        && (!Files.isRegularFile(path) || isStdout(path))) {
      throw new IOException("--plan " + path + ": not a regular file; the plan goes to a file"
          + " of its own, never to stdout, which carries device JSON only");
    }
    FileChannel channel = OwnerOnlyFiles.append(path);
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        // A file left by an earlier run may have been made readable to others since.
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
      }
      if (fresh) {
        channel.truncate(0);
        channel.force(true);
      }
    } catch (IOException e) {
      channel.close();
      throw e;
    }
    return new PlanFile(path, channel);
  }

  private static boolean isStdout(Path path) {
    try {
      return Files.exists(STDOUT) && Files.isSameFile(path, STDOUT.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether {@code other} is this file under another name. */
  public static boolean same(Path path, Path other) throws IOException {
    if (path.toAbsolutePath().normalize().equals(other.toAbsolutePath().normalize())) {
      return true;
    }
    return Files.exists(path) && Files.exists(other) && Files.isSameFile(path, other);
  }

  public Path path() {
    return path;
  }

  /** Appends one line (without its newline) and syncs it to disk. */
  void write(byte[] line) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
