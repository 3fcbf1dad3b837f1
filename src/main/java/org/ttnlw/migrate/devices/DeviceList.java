package org.ttnlw.migrate.devices;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.function.Function;
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

  /**
   * Every device the source reaches that the selection takes; read completely first when the
   * export deletes devices, or to count the selection.
   */
  public static Iterator<DeviceRef> ofAll(ListsAllSource source, SelectedDevices selected,
      boolean readFirst) {
    Iterator<DeviceRef> all = selected.refs(source);
    return readFirst ? ItemLists.readAll(all) : all;
  }

  /**
   * Every device of each application that the selection takes, one application after another.
   * When the export deletes devices, an application's list is read completely before its first
   * device is deleted: paging through a list that shrinks meanwhile would skip devices; and so it
   * is to count the selection. The total counts the applications listed so far, when each list
   * knew its own.
   */
  public static Iterator<DeviceRef> ofApplications(Source source, Iterator<String> applicationIds,
      SelectedDevices selected, boolean readFirst) {
    return new ApplicationsInTurn(application -> selected.refs(source, application),
        applicationIds, readFirst);
  }

  private static final class ApplicationsInTurn implements Iterator<DeviceRef>, DeviceCount {
    private final Function<String, Iterator<DeviceRef>> lister;
    private final Iterator<String> applicationIds;
    private final boolean readFirst;
    private Iterator<DeviceRef> current = Collections.emptyIterator();
    private long earlierTotals;
    private boolean earlierKnown = true;

    ApplicationsInTurn(Function<String, Iterator<DeviceRef>> lister,
        Iterator<String> applicationIds, boolean readFirst) {
      this.lister = lister;
      this.applicationIds = applicationIds;
      this.readFirst = readFirst;
    }

    @Override
    public synchronized boolean hasNext() {
      while (!current.hasNext() && applicationIds.hasNext()) {
        OptionalLong finished = DeviceCount.of(current);
        earlierKnown &= finished.isPresent() || current == Collections.<DeviceRef>emptyIterator();
        earlierTotals += finished.orElse(0);
        current = lister.apply(applicationIds.next());
        if (readFirst) {
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
