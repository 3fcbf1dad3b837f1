package org.ttnlw.migrate.source;

import java.util.Iterator;
import java.util.Set;

/** A source that lists devices with facts about each, as a {@link SelectingPlugin} opens it. */
public interface SelectingSource extends Source {

  /**
   * The devices of an application with the facts asked for, in the source's order, read lazily
   * page by page; without per-device reads where the list tells the facts.
   *
   * @param facts only facts the plugin does not call {@linkplain SelectingPlugin#unlisted
   *     unlisted}
   */
  Iterator<ListedDevice> listDevices(String applicationId, Set<DeviceFact> facts);
}
