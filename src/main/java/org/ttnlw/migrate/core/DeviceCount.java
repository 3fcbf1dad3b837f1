package org.ttnlw.migrate.core;

import java.util.Iterator;
import java.util.OptionalLong;

/**
 * Implemented by a device list that knows how many devices it holds in all (TTS's
 * {@code x-total-count}, ChirpStack's {@code total_count}), for the progress display. Optional:
 * a list that does not know is simply not counted.
 */
public interface DeviceCount {
  /** The number of devices in the list, once known (usually after its first page). */
  OptionalLong total();

  /** The total of {@code devices}, when it is a list that knows it. */
  static OptionalLong of(Iterator<?> devices) {
    return devices instanceof DeviceCount counted ? counted.total() : OptionalLong.empty();
  }
}
