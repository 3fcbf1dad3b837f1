package org.ttnlw.migrate.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.pipeline.StdoutKind;

public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (asksVersionOnly(args)) {
      // Scripts run it to check an install; the command tree would take longer than the JVM.
      System.out.println(VersionProvider.version());
      System.exit(System.out.checkError() ? ExitCodes.EXPORT_FAILED : ExitCodes.OK);
      return;
    }
    // stdout is for device JSON (and help text) only: whatever a library prints to System.out
    // goes to stderr. Device JSON is written to the raw descriptor, since System.out would hide
    // write errors.
    System.setErr(EscapingStderr.wrap(System.err, Io.liveLine(System.getenv())));
    System.setOut(System.err);
    StopSignal stop = new StopSignal();
    Interrupts.install(stop, System.err);
    Io io = new Io(System.getenv(), System.in,
        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024),
        System.err, stop, StdoutKind.ofThisProcess());
    System.exit(run(args, io));
  }

  static boolean asksVersionOnly(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /** Runs the tool as the command line {@code args} asks, and returns the exit code. */
  public static int run(String[] args, Io io) {
    PrintStream stderr = EscapingStderr.wrap(io.stderr(), Io.liveLine(io.environment()));
    return Cli.execute(new Io(io.environment(), io.stdin(), io.stdout(), stderr, io.stop(),
        io.stdoutKind()), args);
  }
}
