package org.ttnlw.migrate.source.lorawan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.source.ListsAllSource;

/**
 * A source that only reads a sheet: disabling and deleting are refused, and the devices kept are
 * listed (upper-case DevEUIs) for the operator to remove at the old network by hand.
 */
public abstract class SheetSource implements ListsAllSource {
  private final String refusal;
  private final List<String> kept = new ArrayList<>();

  /** @param refusal why the source changes nothing, e.g. "the Wanesy source changes nothing" */
  protected SheetSource(String refusal) {
    this.refusal = refusal;
  }

  @Override
  public final CompletableFuture<Void> disable(DeviceRef device) {
    return refused();
  }

  @Override
  public final CompletableFuture<Void> delete(DeviceRef device) {
    return refused();
  }

  private CompletableFuture<Void> refused() {
    return CompletableFuture.failedFuture(new UnsupportedOperationException(refusal));
  }

  /** @param device a device named by its DevEUI */
  @Override
  public final synchronized void kept(DeviceRef device) {
    kept.add(device.deviceId().toUpperCase(Locale.ROOT));
  }

  /** The heading for the number of devices kept, then their DevEUIs; none when none was kept. */
  protected final synchronized List<String> keptDevices(IntFunction<String> heading) {
    if (kept.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    lines.add(heading.apply(kept.size()));
    lines.addAll(kept);
    return lines;
  }

  /** Nothing to close: the sheet is read whole when the source is opened. */
  @Override
  public void close() {}
}
