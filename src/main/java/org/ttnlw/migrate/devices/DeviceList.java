package org.ttnlw.migrate.devices;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import org.ttnlw.migrate.core.DeviceCount;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.pipeline.ItemLists;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.Source;

/** The devices that IDs from the command line or stdin stand for. */
public final class DeviceList {
  private DeviceList() {}

  /** Device IDs, each resolved by the source (e.g. with its configured application). */
  public static Iterator<DeviceRef> ofDevices(Source source, Iterator<String> deviceIds) {
    return ItemLists.resolved(deviceIds, source::resolve);
  }

  /** Every device the source reaches; read completely first when the export deletes devices. */
  public static Iterator<DeviceRef> ofAll(ListsAllSource source, boolean deletesDevices) {
    Iterator<DeviceRef> all = source.listAllDevices();
    return deletesDevices ? ItemLists.readAll(all) : all;
  }

  /**
   * Every device of each application, one application after another. When the
   * export deletes devices, an application's list is read completely before its
   * first device is deleted: paging through a list that shrinks meanwhile would
   * skip devices. The total counts the applications listed so far, when each list knew its
   * own.
   */
  public static Iterator<DeviceRef> ofApplications(Source source, Iterator<String> applicationIds,
      boolean deletesDevices) {
    return new ApplicationsInTurn(source, applicationIds, deletesDevices);
  }

  private static final class ApplicationsInTurn implements Iterator<DeviceRef>, DeviceCount {
    private final Source source;
    private final Iterator<String> applicationIds;
    private final boolean deletesDevices;
    private Iterator<DeviceRef> current = Collections.emptyIterator();
    private long earlierTotals;
    private boolean earlierKnown = true;

    ApplicationsInTurn(Source source, Iterator<String> applicationIds, boolean deletesDevices) {
      this.source = source;
      this.applicationIds = applicationIds;
      this.deletesDevices = deletesDevices;
    }

    @Override
    public synchronized boolean hasNext() {
      while (!current.hasNext() && applicationIds.hasNext()) {
        OptionalLong finished = DeviceCount.of(current);
        earlierKnown &= finished.isPresent() || current == Collections.<DeviceRef>emptyIterator();
        earlierTotals += finished.orElse(0);
        current = source.listDevices(applicationIds.next());
        if (deletesDevices) {
          current = ItemLists.readAll(current);
        }
      }
      return current.hasNext();
    }

    @Override
    public synchronized DeviceRef next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    @Override
    public synchronized OptionalLong total() {
      OptionalLong own = DeviceCount.of(current);
      if (!earlierKnown || own.isEmpty()) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(earlierTotals + own.getAsLong());
    }
  }
}
