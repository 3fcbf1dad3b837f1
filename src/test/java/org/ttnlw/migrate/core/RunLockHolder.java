package org.ttnlw.migrate.core;

import java.nio.file.Path;

/** A process that holds a file's run lock until it is killed: says "held" once it holds it. */
public final class RunLockHolder {
  private RunLockHolder() {}

  public static void main(String[] args) throws Exception {
    RunLock lock = RunLock.hold(Path.of(args[0]), "--output");
    System.out.println("held");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
    lock.close();
  }
}
