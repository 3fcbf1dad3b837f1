package org.ttnlw.migrate.pipeline;

/**
 * What a delivery did in the target, or in a dry run would do: how the summary counts it and how
 * the plan ({@code --plan}) names it.
 */
public enum TargetOutcome {
  /** An export: there is no target. */
  NONE("", ""),
  WOULD_CREATE("would be created", "create"),
  CREATED("created", "created"),
  /** There already, equal to what was read. */
  ALREADY_THERE("already in the target", "already-equal"),
  /** The same for a gateway, as gateway summaries count it. */
  ALREADY_MIGRATED("already migrated", "already-equal"),
  /** There already and differing; {@code --target.update-existing} would overwrite it. */
  WOULD_UPDATE("would be updated", "differs"),
  UPDATED("updated", "updated");

  private final String counted;
  private final String planned;

  TargetOutcome(String counted, String planned) {
    this.counted = counted;
    this.planned = planned;
  }

  /** How the summary counts it, e.g. "would be created"; empty for no count of its own. */
  public String counted() {
    return counted;
  }

  /** How a plan line names it, e.g. "create". */
  public String planned() {
    return planned;
  }
}
