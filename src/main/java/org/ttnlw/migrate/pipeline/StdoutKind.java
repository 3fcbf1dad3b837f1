package org.ttnlw.migrate.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the process's stdout goes, as far as a run's safety is concerned: a pipe (or socket)
 * keeps no record of what was written, and a file others may read should not receive keys.
 */
public enum StdoutKind {
  /** A pipe or a socket: what is written there may be lost when the reader goes. */
  PIPE,
  /** A regular file that its group or others may read. */
  SHARED_FILE,
  /** A terminal, a private file, or unknown. */
  OTHER;

  private static final int TYPE = 0170000;
  private static final int FIFO = 0010000;
  private static final int SOCKET = 0140000;
  private static final int REGULAR = 0100000;
  private static final int GROUP_OR_OTHERS_READ = 0044;

  /** What this process's stdout is. */
  public static StdoutKind ofThisProcess() {
    return of(Path.of("/dev/stdout"));
  }

  /** What the file at {@code path} (followed through links) is. */
  public static StdoutKind of(Path path) {
    int mode;
    try {
      // Not every JDK offers the "unix" view; without it nothing is said.
      mode = (Integer) Files.getAttribute(path, "unix:mode");
    } catch (IOException | RuntimeException e) {
      return OTHER;
    }
    int type = mode & TYPE;
    if (type == FIFO || type == SOCKET) {
      return PIPE;
    }
    return type == REGULAR && (mode & GROUP_OR_OTHERS_READ) != 0 ? SHARED_FILE : OTHER;
  }
}
