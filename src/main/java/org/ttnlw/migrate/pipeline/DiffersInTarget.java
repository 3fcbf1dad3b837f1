package org.ttnlw.migrate.pipeline;

import java.util.List;

/**
 * A failure because the item is already in the target and differs there, so it was left as it
 * is: the plan ({@code --plan}) lists the differing fields.
 */
public interface DiffersInTarget {
  /** The paths of the differing fields, as the target's comparison names them. */
  List<String> differingFields();
}
