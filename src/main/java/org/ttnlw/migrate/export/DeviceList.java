package org.ttnlw.migrate.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Source;

/** The devices that IDs from the command line or stdin stand for. */
public final class DeviceList {
  private DeviceList() {}

  /** Device IDs, each resolved by the source (e.g. with its configured application). */
  public static Iterator<DeviceRef> ofDevices(Source source, Iterator<String> deviceIds) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return deviceIds.hasNext();
      }

      @Override
      public DeviceRef next() {
        return source.resolve(deviceIds.next());
      }
    };
  }

  /** Every device the source reaches; read completely first when the export deletes devices. */
  public static Iterator<DeviceRef> ofAll(Source source, boolean deletesDevices) {
    Iterator<DeviceRef> all = source.listAllDevices();
    return deletesDevices ? readAll(all) : all;
  }

  private static Iterator<DeviceRef> readAll(Iterator<DeviceRef> devices) {
    List<DeviceRef> all = new ArrayList<>();
    devices.forEachRemaining(all::add);
    return all.iterator();
  }

  /**
   * Every device of each application, one application after another. When the
   * export deletes devices, an application's list is read completely before its
   * first device is deleted: paging through a list that shrinks meanwhile would
   * skip devices.
   */
  public static Iterator<DeviceRef> ofApplications(Source source, Iterator<String> applicationIds,
      boolean deletesDevices) {
    return new Iterator<>() {
      private Iterator<DeviceRef> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && applicationIds.hasNext()) {
          current = source.listDevices(applicationIds.next());
          if (deletesDevices) {
            current = readAll(current);
          }
        }
        return current.hasNext();
      }

      @Override
      public DeviceRef next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
