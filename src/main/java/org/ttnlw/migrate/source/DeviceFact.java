package org.ttnlw.migrate.source;

/** What a source's device list may tell about each device, for the filters that select on it. */
public enum DeviceFact {
  ATTRIBUTES("attributes (tags)"),
  PROFILE("device profile"),
  MODEL("brand and model"),
  FREQUENCY_PLAN("frequency plan"),
  ACTIVATION("activation (OTAA or ABP)"),
  LAST_SEEN("last activity");

  private final String label;

  DeviceFact(String label) {
    this.label = label;
  }

  /** For messages: "last activity". */
  public String label() {
    return label;
  }
}
