package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** logback as the tool configures it, found through META-INF/services without any XML file. */
class StderrLoggingTest {
  private static final String SECRET_LINE = "key NNSXS.ABCDEFGHIJKLMNOP.SECRET\u001b[2J";

  @Test
  void everyLineGoesToStderrWithKeysMaskedAndControlCharactersEscaped() {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    ConsoleAppender<?> stderr =
        assertInstanceOf(ConsoleAppender.class, root.getAppender(StderrLogging.APPENDER));
    assertEquals("System.err", stderr.getTarget());
    assertEquals(Level.INFO, root.getLevel());
    PatternLayoutEncoder encoder =
        assertInstanceOf(PatternLayoutEncoder.class, stderr.getEncoder());

    assertEquals("INFO  key NNSXS.ABC...(masked)\\u001b[2J\n", line(encoder, root));
  }

  @Test
  void aLiveProgressLineKeepsTheMasking() {
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    PatternLayoutEncoder encoder = (PatternLayoutEncoder)
        ((ConsoleAppender<?>) root.getAppender(StderrLogging.APPENDER)).getEncoder();
    try {
      Logging.liveLine(true);
      String line = line(encoder, root);
      assertTrue(line.endsWith("INFO  key NNSXS.ABC...(masked)\\u001b[2J\n"), line);
    } finally {
      Logging.liveLine(false);
    }
  }

  private static String line(PatternLayoutEncoder encoder, Logger logger) {
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, SECRET_LINE,
        null, null);
    event.setLoggerContext((LoggerContext) LoggerFactory.getILoggerFactory());
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }
}
