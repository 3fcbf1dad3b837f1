package org.ttnlw.migrate.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;

/**
 * Files that may hold secrets (outputs with device keys, run journals, LNS keys, lock files):
 * created readable by their owner only. A file that already exists keeps its mode.
 */
public final class OwnerOnlyFiles {
  private OwnerOnlyFiles() {}

  /** Opens {@code path} for appending, creating it owner-read-write where the file system can. */
  public static FileChannel append(Path path) throws IOException {
    return open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** Opens {@code path} with {@code options}, creating it owner-read-write where it can. */
  public static FileChannel open(Path path, OpenOption... options) throws IOException {
    Set<OpenOption> all = new HashSet<>(Set.of(options));
    all.add(StandardOpenOption.CREATE);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(path, all,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return FileChannel.open(path, all);
  }
}
