package org.ttnlw.migrate.devices;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.pipeline.ItemLists;
import org.ttnlw.migrate.source.ListedDevice;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.SelectingSource;
import org.ttnlw.migrate.source.Selection;
import org.ttnlw.migrate.source.Source;

/**
 * The listed devices a {@link Selection} takes, application by application, counted as they are
 * listed so that the run can say how many the selection held. Without filters the source's plain
 * list is read; with them, the list with the facts they look at.
 */
public final class SelectedDevices {
  private final Selection selection;
  private final AtomicLong listed = new AtomicLong();
  private final AtomicLong taken = new AtomicLong();
  private final AtomicBoolean unfinished = new AtomicBoolean();

  public SelectedDevices(Selection selection) {
    this.selection = selection;
  }

  public Selection selection() {
    return selection;
  }

  /** The application's devices the selection takes, with the facts it looked at. */
  public Iterator<ListedDevice> listed(Source source, String applicationId) {
    if (selection.filters().isEmpty()) {
      return counted(ItemLists.mapped(source.listDevices(applicationId), ListedDevice::of));
    }
    if (!(source instanceof SelectingSource selecting)) {
      // Selection.checkAgainst refused the filters before the source was opened.
      throw new IllegalStateException("the source cannot select devices");
    }
    return counted(selecting.listDevices(applicationId, selection.facts()));
  }

  /** The application's devices the selection takes; the source's own list when it takes all. */
  public Iterator<DeviceRef> refs(Source source, String applicationId) {
    if (!selection.narrows()) {
      return source.listDevices(applicationId);
    }
    return ItemLists.mapped(listed(source, applicationId), ListedDevice::ref);
  }

  /** Every device the source reaches that the selection takes (named in --ids-file). */
  public Iterator<ListedDevice> listed(ListsAllSource source) {
    return counted(ItemLists.mapped(source.listAllDevices(), ListedDevice::of));
  }

  /** The same as references; the source's own list when the selection takes all. */
  public Iterator<DeviceRef> refs(ListsAllSource source) {
    if (!selection.narrows()) {
      return source.listAllDevices();
    }
    return ItemLists.mapped(listed(source), ListedDevice::ref);
  }

  /**
   * How many devices the selection took of how many listed, for a selection that narrows:
   * "selected 10 of the 100 devices listed".
   */
  public Optional<String> remark() {
    if (!selection.narrows()) {
      return Optional.empty();
    }
    return Optional.of("selected " + taken.get() + " of the " + listed.get() + " devices listed"
        + (unfinished.get() ? " before the wave (--limit) was full" : ""));
  }

  private Iterator<ListedDevice> counted(Iterator<ListedDevice> all) {
    unfinished.set(true);
    return new Iterator<>() {
      private ListedDevice next;

      @Override
      public boolean hasNext() {
        while (next == null && all.hasNext()) {
          ListedDevice candidate = all.next();
          listed.incrementAndGet();
          if (selection.matches(candidate)) {
            taken.incrementAndGet();
            next = candidate;
          }
        }
        if (next == null) {
          unfinished.set(false);
        }
        return next != null;
      }

      @Override
      public ListedDevice next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ListedDevice taken = next;
        next = null;
        return taken;
      }
    };
  }
}
