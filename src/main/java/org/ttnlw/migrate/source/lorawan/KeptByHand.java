package org.ttnlw.migrate.source.lorawan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.ttnlw.migrate.core.DeviceRef;

/**
 * The source steps of a source that only reads a file: disabling and deleting are refused, and
 * the devices kept are listed (upper-case DevEUIs) for the operator to remove at the old network
 * by hand. Thread-safe.
 */
public final class KeptByHand {
  private final String refusal;
  private final List<String> kept = new ArrayList<>();

  /** @param refusal why the source changes nothing, e.g. "the Wanesy source changes nothing" */
  public KeptByHand(String refusal) {
    this.refusal = refusal;
  }

  /** A failed step, saying why. */
  public CompletableFuture<Void> refused() {
    return CompletableFuture.failedFuture(new UnsupportedOperationException(refusal));
  }

  /** @param device a device named by its DevEUI */
  public synchronized void kept(DeviceRef device) {
    kept.add(device.deviceId().toUpperCase(Locale.ROOT));
  }

  /** The heading for the number of devices kept, then their DevEUIs; none when none was kept. */
  public synchronized List<String> remarks(IntFunction<String> heading) {
    if (kept.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(heading.apply(kept.size()));
    lines.addAll(kept);
    return lines;
  }
}
