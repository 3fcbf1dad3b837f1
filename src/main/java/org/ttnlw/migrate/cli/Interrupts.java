package org.ttnlw.migrate.cli;

import java.io.PrintStream;
import org.ttnlw.migrate.export.StopSignal;
import sun.misc.Signal;

/**
 * Ctrl-C and SIGTERM ask the export to stop after the devices in flight, so that
 * no line is cut and the journal is complete; a second one quits at once.
 */
final class Interrupts {
  private Interrupts() {}

  static void install(StopSignal stop, PrintStream err) {
    for (String name : new String[] {"INT", "TERM"}) {
      Signal.handle(new Signal(name), signal -> {
        if (stop.requested()) {
          Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        err.println("ttn-lw-migrate: stopping after the devices in flight; press Ctrl-C again to"
            + " quit at once");
        stop.request();
      });
    }
  }
}
