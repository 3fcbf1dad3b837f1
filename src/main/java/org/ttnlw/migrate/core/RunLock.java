package org.ttnlw.migrate.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run's hold on a file it writes (a journal, an output, a keys file), for the run's whole
 * life: an operating-system lock on {@code FILE.lock} beside it, which the system releases when
 * the process ends however it ends, so a run killed with {@code kill -9} never blocks the next.
 * The lock file names its holder (process ID, host, start time) for the message of a run that
 * finds it held; it is emptied, not deleted, when the run ends (deleting it would let a run that
 * opened it just before lock a file no one else can see any more).
 *
 * <p>A process holds each file once: the operating system's locks do not tell two holders in one
 * process apart, so a second hold in the same process is refused here.
 */
public final class RunLock implements AutoCloseable {
  private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();
  private static final Duration HOLDER_WAIT = Duration.ofSeconds(2);
  private static final Duration HOLDER_POLL = Duration.ofMillis(20);

  private final Path key;
  private final FileChannel channel;

  private RunLock(Path key, FileChannel channel) {
    this.key = key;
    this.channel = channel;
  }

  /** Another run holds the file. */
  public static final class HeldException extends IOException {
    HeldException(Path file, String holder, String ownFiles) {
      super(file + " is in use by another run (" + holder + "); nothing was changed: wait for"
          + " that run to end, or give this run " + ownFiles + " of its own");
    }
  }

  /** The lock file that guards {@code file}. */
  public static Path lockFileOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  /**
   * Holds {@code file} for this run, or refuses at once.
   *
   * @param ownFiles the flags that give a run files of its own, e.g. "--output", for the message
   * @throws HeldException when another run (in this or another process) holds it
   */
  public static RunLock hold(Path file, String ownFiles) throws IOException {
    Path lockFile = lockFileOf(file);
    Path key = lockFile.toAbsolutePath().normalize();
    String holder = holder();
    String before = HELD_HERE.putIfAbsent(key, holder);
    if (before != null) {
      throw new HeldException(file, before, ownFiles);
    }
    try {
      FileChannel channel = OwnerOnlyFiles.open(lockFile, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      try {
        if (!lockOrWaitForHolder(channel, file, ownFiles)) {
          throw new HeldException(file, "a process that is starting or ending", ownFiles);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return new RunLock(key, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      HELD_HERE.remove(key);
      throw e;
    }
  }

  /**
   * Locks the file, or refuses naming the holder. A holder writes its name just after it locks
   * and empties the file just before it lets go, so an empty lock file that is held is a run
   * starting or ending: it is looked at again for a moment, and a run that ended meanwhile lets
   * this one through.
   *
   * @return false when the lock stayed held by a holder that never named itself
   */
  private static boolean lockOrWaitForHolder(FileChannel channel, Path file, String ownFiles)
      throws IOException {
    long deadline = System.nanoTime() + HOLDER_WAIT.toNanos();
    while (true) {
      FileLock lock = channel.tryLock();
      if (lock != null) {
        return true;
      }
      String other = read(channel);
      if (!other.isEmpty()) {
        throw new HeldException(file, other, ownFiles);
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(HOLDER_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(1024);
    channel.read(bytes, 0);
    return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
  }

  /** This process as a holder: "process 1234 on host h, started 2025-01-02T03:04:05Z". */
  private static String holder() {
    ProcessHandle self = ProcessHandle.current();
    Instant started = self.info().startInstant().orElse(Instant.now())
        .truncatedTo(ChronoUnit.SECONDS);
    return "process " + self.pid() + " on host " + host() + ", started " + started;
  }

  private static String host() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | RuntimeException e) {
      String name = System.getenv("HOSTNAME");
      return name == null || name.isBlank() ? "(this host)" : name;
    }
  }

  @Override
  public void close() throws IOException {
    if (!channel.isOpen()) {
      return;
    }
    // Closing the channel releases the lock.
    try (channel) {
      channel.truncate(0);
    } finally {
      HELD_HERE.remove(key);
    }
  }
}
