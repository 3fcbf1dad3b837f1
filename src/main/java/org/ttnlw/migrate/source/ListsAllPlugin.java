package org.ttnlw.migrate.source;

import org.ttnlw.migrate.core.CallSettings;

/**
 * A source plugin whose {@code application} can export every device the source reaches rather
 * than the applications named: when its {@code --all} flag says so, or always for a source that
 * is one application (a CSV sheet).
 */
public interface ListsAllPlugin<O> extends SourcePlugin<O> {

  /** Whether {@code application} exports every device the source reaches. */
  boolean exportsAll(O options);

  @Override
  ListsAllSource open(O options, CallSettings context);
}
