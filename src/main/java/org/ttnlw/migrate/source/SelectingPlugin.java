package org.ttnlw.migrate.source;

import java.util.Optional;
import org.ttnlw.migrate.core.CallSettings;

/**
 * A source plugin whose application device list tells facts about each device, so that
 * {@code --select} picks devices from the list before any is read or changed.
 */
public interface SelectingPlugin<O> extends SourcePlugin<O> {

  /** Why the source's device list cannot tell {@code fact}; empty when it can. */
  Optional<String> unlisted(DeviceFact fact);

  @Override
  SelectingSource open(O options, CallSettings context);
}
