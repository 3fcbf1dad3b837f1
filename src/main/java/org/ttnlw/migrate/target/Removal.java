package org.ttnlw.migrate.target;

import java.util.List;

/**
 * What {@link TtsTarget#removable} found of a device a run created in the target.
 *
 * @param differing the fields in which the target's device differs from what the run wrote, for
 *     {@link Kind#CHANGED}; empty otherwise
 */
public record Removal(Kind kind, List<String> differing) {
  public enum Kind {
    /** As the run wrote it: it may be deleted. */
    UNCHANGED,
    /** Not in the target (any more). */
    GONE,
    /** Changed in the target since the run wrote it: left as it is. */
    CHANGED
  }

  static Removal of(Kind kind) {
    return new Removal(kind, List.of());
  }
}
