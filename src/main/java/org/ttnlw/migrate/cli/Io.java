package org.ttnlw.migrate.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.ttnlw.migrate.core.StopSignal;

/**
 * The process's surroundings, passed in so tests and the demo can run the tool
 * in-process. {@code stdout} receives device JSON only; {@code stop} is set by
 * Ctrl-C or SIGTERM; {@code stdoutKind} says whether stdout is a pipe or a file others can read.
 */
public record Io(Map<String, String> environment, InputStream stdin, OutputStream stdout,
    PrintStream stderr, StopSignal stop, StdoutKind stdoutKind) {

  /** Surroundings whose stdout is nothing to warn about (a terminal, a private file). */
  public Io(Map<String, String> environment, InputStream stdin, OutputStream stdout,
      PrintStream stderr, StopSignal stop) {
    this(environment, stdin, stdout, stderr, stop, StdoutKind.OTHER);
  }
}
