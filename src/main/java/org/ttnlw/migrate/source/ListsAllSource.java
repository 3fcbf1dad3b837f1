package org.ttnlw.migrate.source;

import java.util.Iterator;
import org.ttnlw.migrate.core.DeviceRef;

/** A source that can list every device it reaches, as a {@link ListsAllPlugin} opens it. */
public interface ListsAllSource extends Source {

  /** Every device the source reaches, in the source's order. */
  Iterator<DeviceRef> listAllDevices();
}
