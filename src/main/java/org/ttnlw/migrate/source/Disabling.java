package org.ttnlw.migrate.source;

/** What {@link SourceStep#DISABLE} does at a source, as the summary and the plan name it. */
public enum Disabling {
  /** TTS: the device stays, without downlinks ({@code mac_settings.schedule_downlinks}). */
  DOWNLINKS("downlinks disabled", "disable-downlinks"),
  /** Firefly: its keys are made unusable there. */
  KEYS("keys invalidated", "invalidate-keys"),
  /** The source's own switch for the device. */
  DEVICE("disabled", "disable");

  private final String label;
  private final String action;

  Disabling(String label, String action) {
    this.label = label;
    this.action = action;
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
