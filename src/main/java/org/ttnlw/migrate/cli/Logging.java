package org.ttnlw.migrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.pipeline.ProgressReport;

final class Logging {
  private static final List<java.util.logging.Logger> LIBRARIES = List.of(
      java.util.logging.Logger.getLogger("io.grpc"),
      java.util.logging.Logger.getLogger("io.netty"));

  private Logging() {}

  /** @param quiet only errors: the summary is printed, not logged */
  static void configure(boolean verbose, boolean quiet) {
    ((Logger) LoggerFactory.getLogger("org.ttnlw.migrate"))
        .setLevel(verbose ? Level.DEBUG : quiet ? Level.ERROR : Level.INFO);
    // gRPC's and its Netty's own records (an unresolvable host logs a stack trace per attempt)
    // say nothing the tool's error does not: only --verbose shows their warnings. gRPC logs through
    // java.util.logging, whose loggers are held here since it keeps only weak references.
    for (java.util.logging.Logger library : LIBRARIES) {
      library.setLevel(verbose ? java.util.logging.Level.WARNING : java.util.logging.Level.OFF);
    }
    // Never below WARN: their debug records carry call headers, the API key among them.
    Level slf4jLibraries = verbose ? Level.WARN : Level.OFF;
    ((Logger) LoggerFactory.getLogger("io.grpc")).setLevel(slf4jLibraries);
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
