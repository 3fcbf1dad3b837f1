package org.ttnlw.migrate.source;

/** What {@link SourceStep#DISABLE} does at a source, as the summary and the plan name it. */
public enum Disabling {
  /** TTS: the device stays, without downlinks ({@code mac_settings.schedule_downlinks}). */
  DOWNLINKS("downlinks disabled", "disable-downlinks", false),
  /**
   * Firefly: its keys are changed there (each one's last byte), so that it no longer works
   * there. Firefly keeps no copy of the keys it had: only the output, or the journal's record of
   * them for undo, can bring them back.
   */
  KEYS("keys invalidated", "invalidate-keys", true),
  /** The source's own switch for the device. */
  DEVICE("disabled", "disable", false);

  private final String label;
  private final String action;
  private final boolean isFinal;

  Disabling(String label, String action, boolean isFinal) {
    this.label = label;
    this.action = action;
    this.isFinal = isFinal;
  }

  /** Whether the source cannot undo it. */
  public boolean isFinal() {
    return isFinal;
  }

  /** How the summary counts devices it handled, e.g. "downlinks disabled". */
  public String label() {
    return label;
  }

  /** How a plan line names it, e.g. "disable-downlinks". */
  public String action() {
    return action;
  }
}
