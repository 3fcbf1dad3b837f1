package org.ttnlw.migrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.HashMap;
import java.util.Map;

/**
 * logback's configuration, in code: every log line to stderr (stdout carries device JSON only),
 * at INFO, each message and stack trace line with keys masked and control
 * characters escaped. logback finds it through {@code META-INF/services} before it looks for a
 * configuration file; reading an XML one through Joran loaded about 440 classes, 7 % of a
 * one-device export (docs/performance.md).
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {
  static final String APPENDER = "STDERR";
  static final String PATTERN = "%-5level %msg%n%ex";

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    // logback keeps these rules for every layout started later, so Logging.liveLine's keeps them.
    Map<String, String> rules = new HashMap<>();
    rules.put("msg", TerminalMessageConverter.class.getName());
    rules.put("ex", TerminalThrowableConverter.class.getName());
    context.putObject(CoreConstants.PATTERN_RULE_REGISTRY, rules);

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName(APPENDER);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(stderr);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
