package org.ttnlw.migrate.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

final class Logging {
  private Logging() {}

  static void configure(boolean verbose) {
    ((Logger) LoggerFactory.getLogger("org.ttnlw.migrate"))
        .setLevel(verbose ? Level.DEBUG : Level.INFO);
  }
}
