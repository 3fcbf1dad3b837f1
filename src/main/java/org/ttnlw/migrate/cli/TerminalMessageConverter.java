package org.ttnlw.migrate.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.ttnlw.migrate.core.TerminalText;

/**
 * {@code %msg} in StderrLogging's pattern: the message on one line, keys masked and control characters
 * escaped, whatever IDs, names or server answers it holds.
 */
public final class TerminalMessageConverter extends MessageConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return TerminalText.line(super.convert(event));
  }
}
