package org.ttnlw.migrate.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.pipeline.StdoutKind;

/**
 * The process's surroundings, passed in so tests and the demo can run the tool
 * in-process. {@code stdout} receives device JSON only; {@code stop} is set by
 * Ctrl-C or SIGTERM; {@code stdoutKind} says whether stdout is a pipe or a file others can read.
 */
public record Io(Map<String, String> environment, InputStream stdin, OutputStream stdout,
    PrintStream stderr, StopSignal stop, StdoutKind stdoutKind) {
  /** Set to "live" by bin/ttn-lw-migrate when stderr is a terminal. */
  static final String PROGRESS = "TTN_LW_MIGRATE_PROGRESS";
  /** Set by bin/ttn-lw-migrate to the terminal's width when stderr is a terminal. */
  static final String COLUMNS = "TTN_LW_MIGRATE_COLUMNS";
  /** The width assumed when neither the launcher nor the shell tells it. */
  static final int DEFAULT_COLUMNS = 80;

  /** Surroundings whose stdout is nothing to warn about (a terminal, a private file). */
  public Io(Map<String, String> environment, InputStream stdin, OutputStream stdout,
      PrintStream stderr, StopSignal stop) {
    this(environment, stdin, stdout, stderr, stop, StdoutKind.OTHER);
  }

  /** Whether stderr is a terminal that shows a live progress line. */
  static boolean liveLine(Map<String, String> environment) {
    return "live".equals(environment.get(PROGRESS));
  }

  /** The terminal's width: as the launcher measured it, else the shell's COLUMNS, else 80. */
  int columns() {
    for (String name : new String[] {COLUMNS, "COLUMNS"}) {
      String value = environment.get(name);
      if (value != null && value.matches("[1-9][0-9]{0,4}")) {
        return Integer.parseInt(value);
      }
    }
    return DEFAULT_COLUMNS;
  }
}
