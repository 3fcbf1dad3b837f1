package org.ttnlw.migrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.pipeline.ProgressReport;

final class Logging {
  /** Held here: java.util.logging keeps only weak references to its loggers. */
  private static final java.util.logging.Logger GRPC =
      java.util.logging.Logger.getLogger("io.grpc");

  private Logging() {}

  /** @param quiet only errors: the summary is printed, not logged */
  static void configure(boolean verbose, boolean quiet) {
    ((Logger) LoggerFactory.getLogger("org.ttnlw.migrate"))
        .setLevel(verbose ? Level.DEBUG : quiet ? Level.ERROR : Level.INFO);
    // gRPC's own records, through java.util.logging (an unresolvable host logs a stack trace
    // per attempt), say nothing the tool's error does not: only --verbose shows their warnings.
    // Never below WARNING: its transport's frame log (FINE) carries call headers, the API key
    // among them.
    GRPC.setLevel(verbose ? java.util.logging.Level.WARNING : java.util.logging.Level.OFF);
  }

  /**
   * With a live progress line, each log line first erases it, so the two never mix; without,
   * StderrLogging's pattern as is.
   */
  static void liveLine(boolean live) {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    if (root.getAppender(StderrLogging.APPENDER) instanceof ConsoleAppender<?> console
        && console.getEncoder() instanceof PatternLayoutEncoder encoder) {
      String pattern = (live ? ProgressReport.clearLine() : "") + StderrLogging.PATTERN;
      if (!pattern.equals(encoder.getPattern())) {
        encoder.stop();
        encoder.setPattern(pattern);
        encoder.start();
      }
    }
  }
}
