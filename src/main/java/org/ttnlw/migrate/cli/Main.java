package org.ttnlw.migrate.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import org.ttnlw.migrate.export.StopSignal;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    StopSignal stop = new StopSignal();
    Interrupts.install(stop, System.err);
    // Device JSON is written to the raw descriptor: System.out would hide write errors.
    Io io = new Io(System.getenv(), System.in,
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024),
        System.err, stop);
    System.exit(run(args, io));
  }

  /** Runs the tool as the command line {@code args} asks, and returns the exit code. */
  public static int run(String[] args, Io io) {
    return Cli.build(io).execute(args);
  }
}
