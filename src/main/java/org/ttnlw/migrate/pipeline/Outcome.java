package org.ttnlw.migrate.pipeline;

/** How a run ended, for the command to turn into its exit code. */
public enum Outcome {
  /** Every item done. */
  OK,
  /** Stopped at an item; those before it are complete. */
  STOPPED,
  /** Bad flags or configuration, found before any item moved. */
  REFUSED,
  /** Some items failed and were listed; the others are done. */
  SOME_FAILED,
  /** Stopped by a signal after the items in flight. */
  INTERRUPTED;

  /** This outcome, or {@code later}'s when this one is OK. */
  public Outcome then(Outcome later) {
    return this == OK ? later : this;
  }
}
