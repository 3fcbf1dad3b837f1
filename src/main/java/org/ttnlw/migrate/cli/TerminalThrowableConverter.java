package org.ttnlw.migrate.cli;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.TerminalText;

/**
 * {@code %ex} in StderrLogging's pattern: a library's stack trace (--verbose), each of its lines with keys
 * masked and control characters escaped.
 */
public final class TerminalThrowableConverter extends ThrowableProxyConverter {
  @Override
  public String convert(ILoggingEvent event) {
    String trace = super.convert(event);
    if (trace.isEmpty()) {
      return trace;
    }
    return trace.lines().map(TerminalText::line)
        .collect(Collectors.joining(System.lineSeparator(), "", System.lineSeparator()));
  }
}
