package org.ttnlw.migrate.core;

/** Set when the operator asks the run to stop (Ctrl-C, SIGTERM): no new device is started. */
public final class StopSignal {
  private volatile boolean requested;

  public void request() {
    requested = true;
  }

  public boolean requested() {
    return requested;
  }
}
