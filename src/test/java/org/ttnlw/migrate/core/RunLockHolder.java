package org.ttnlw.migrate.core;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A process that holds a file's run lock until it is killed: says "held" once it holds it. With a
 * second argument it plays a run that is starting: it locks the lock file itself, says "locked",
 * and names itself only after that many milliseconds (never when negative).
 */
public final class RunLockHolder {
  private RunLockHolder() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 1) {
      lockAndNameLater(Path.of(args[0]), Long.parseLong(args[1]));
      return;
    }
    RunLock lock = RunLock.hold(Path.of(args[0]), "--output");
    System.out.println("held");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
    lock.close();
  }

  private static void lockAndNameLater(Path file, long millis) throws Exception {
    try (FileChannel channel = FileChannel.open(RunLock.lockFileOf(file),
        StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      channel.lock();
      System.out.println("locked");
      System.out.flush();
      if (millis >= 0) {
        Thread.sleep(millis);
        channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid()
            + " on host test, started 2026-12-07T00:00:00Z\n").getBytes(StandardCharsets.UTF_8)));
        channel.force(false);
      }
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
