package org.ttnlw.migrate.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;

/**
 * The process's surroundings, passed in so tests and the demo can run the tool
 * in-process. {@code stdout} receives device JSON only.
 */
public record Io(Map<String, String> environment, InputStream stdin, OutputStream stdout,
    PrintStream stderr) {

  public static Io system() {
    return new Io(System.getenv(), System.in, System.out, System.err);
  }
}
