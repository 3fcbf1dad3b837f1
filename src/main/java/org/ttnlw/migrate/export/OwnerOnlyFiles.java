package org.ttnlw.migrate.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that may hold secrets (run journals, LNS keys): created readable by their owner only. */
public final class OwnerOnlyFiles {
  private OwnerOnlyFiles() {}

  /** Opens {@code path} for appending, creating it owner-read-write where the file system can. */
  public static FileChannel append(Path path) throws IOException {
    Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(path, options,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return FileChannel.open(path, options);
  }
}
