package org.ttnlw.migrate.source;

import org.ttnlw.migrate.core.CallSettings;

/**
 * A source plugin with an {@code --all} flag: {@code application} then exports every device the
 * source reaches rather than the applications named.
 */
public interface ListsAllPlugin<O> extends SourcePlugin<O> {

  /** Whether the options ask for every device the source reaches (its {@code --all} flag). */
  boolean exportsAll(O options);

  @Override
  ListsAllSource open(O options, CallSettings context);
}
