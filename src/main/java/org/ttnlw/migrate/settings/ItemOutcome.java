package org.ttnlw.migrate.settings;

import java.util.List;
import org.ttnlw.migrate.tts.Difference;

/**
 * What became of one setting in the target.
 *
 * @param item "webhook my-hook", "link", ...
 * @param differences where the target differs (or differed) from the file, where that matters
 * @param cause why it failed; empty unless {@link Change#FAILED}
 */
public record ItemOutcome(String item, Change change, List<Difference> differences,
    String cause) {
  public enum Change {
    UNCHANGED("equal in the target, left alone"),
    CREATED("created"),
    UPDATED("updated"),
    WOULD_CREATE("would be created (dry run)"),
    WOULD_UPDATE("would be updated (dry run)"),
    DIFFERS("differs in the target and was left alone; --target.update-existing overwrites it"),
    FAILED("failed");

    private final String text;

    Change(String text) {
      this.text = text;
    }
  }

  /** Whether the target does not match the file for this item. */
  public boolean isProblem() {
    return change == Change.DIFFERS || change == Change.FAILED;
  }

  @Override
  public String toString() {
    String line = item + ": " + change.text;
    if (!cause.isEmpty()) {
      line += ": " + cause;
    }
    if (differences.isEmpty()) {
      return line;
    }
    // Where the target is left unlike the file, both values; where it was made alike, the paths.
    return isProblem() ? line + ": " + Difference.describe(differences)
        : line + " (" + String.join(", ", Difference.paths(differences)) + ")";
  }
}
