package org.ttnlw.migrate.source.lorawan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.core.ItemRejectedException;

/**
 * Collects what TTS needs for a device that the source did not give, and refuses the device with
 * one message naming it all, e.g. "device 0004a30b001c0530: an OTAA device needs JoinEUI and
 * AppKey; missing: AppKey (application_key)".
 */
public final class MissingValues {
  private final List<String> needed = new ArrayList<>();
  private final List<String> missing = new ArrayList<>();

  /** Notes that {@code name} is needed, and missing when {@code value} is empty. */
  public MissingValues need(String name, Optional<?> value) {
    needed.add(name);
    if (value.isEmpty()) {
      missing.add(name);
    }
    return this;
  }

  public boolean anyMissing() {
    return !missing.isEmpty();
  }

  /**
   * @param what the device, e.g. "an OTAA device"
   * @throws ItemRejectedException when anything needed is missing
   */
  public void orReject(String device, String what) {
    if (anyMissing()) {
      throw new ItemRejectedException("device " + device + ": " + what + " needs "
          + String.join(", ", needed) + "; missing: " + String.join(", ", missing));
    }
  }
}
