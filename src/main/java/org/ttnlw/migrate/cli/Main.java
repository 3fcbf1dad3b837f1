package org.ttnlw.migrate.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Io system = Io.system();
    // Device JSON is written to the raw descriptor: System.out would hide write errors.
    Io io = new Io(system.environment(), system.stdin(),
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024),
        system.stderr());
    System.exit(run(args, io));
  }

  /** Runs the tool as the command line {@code args} asks, and returns the exit code. */
  public static int run(String[] args, Io io) {
    return Cli.build(io).execute(args);
  }
}
