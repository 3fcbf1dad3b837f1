package org.ttnlw.migrate.devices;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.core.Notices;
import org.ttnlw.migrate.pipeline.ItemLists;
import org.ttnlw.migrate.source.ListedDevice;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.SelectingSource;
import org.ttnlw.migrate.source.Selection;
import org.ttnlw.migrate.source.Source;

/**
 * The listed devices a {@link Selection} takes, application by application, counted as they are
 * listed so that the run can say how many the selection held, and which IDs of
 * {@code --ids-file} the source did not list. Without filters the source's plain list is read;
 * with them, the list with the facts they look at.
 */
public final class SelectedDevices {
  /** How many IDs of {@code --ids-file} the source did not list a line names. */
  private static final int NAMED_UNLISTED = 5;
  private static final String UNLISTED = "named in --ids-file, not listed by the source";

  private final Selection selection;
  private final AtomicLong listed = new AtomicLong();
  private final AtomicLong taken = new AtomicLong();
  private final AtomicBoolean unfinished = new AtomicBoolean();
  private final Set<String> namedListed = ConcurrentHashMap.newKeySet();

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
   * The devices of records read in turn (a file's) that the selection takes, judged on what each
   * record holds.
   *
   * @param unjudged a record taken whatever the selection says: one that is not a device, and
   *     stands for its error
   */
  public Iterator<DeviceRef> refs(Iterator<ListedDevice> records, Predicate<DeviceRef> unjudged) {
    return ItemLists.mapped(counted(records, device -> unjudged.test(device.ref())),
        ListedDevice::ref);
  }

  /**
   * How many devices the selection took of how many listed, for a selection that narrows:
   * "selected 10 of the 100 devices listed", with the first IDs of {@code --ids-file} the
   * source did not list.
   */
  public Optional<String> remark() {
    if (!selection.narrows()) {
      return Optional.empty();
    }
    List<String> unlisted = unlisted();
    return Optional.of("selected " + taken.get() + " of the " + listed.get() + " devices listed"
        + (unfinished.get() ? " before the wave (--limit) was full" : "")
        + (unlisted.isEmpty() ? "" : "; " + unlisted.size() + " " + UNLISTED + ": "
            + named(unlisted)));
  }

  /**
   * The IDs of {@code --ids-file} the source did not list, in the file's order, each under one
   * notice: the end of the run counts them, {@code --report} names them.
   */
  public Notices notices() {
    Notices notices = new Notices();
    unlisted().forEach(id -> notices.add(UNLISTED, id));
    return notices;
  }

  /**
   * Refuses a completed listing in which the source listed none of the IDs of
   * {@code --ids-file}: the file names devices of another application or source, or is not
   * the one meant.
   *
   * @throws MigrationException naming the first of them
   */
  public void checkSomeNamedListed() {
    List<String> unlisted = unlisted();
    if (!unlisted.isEmpty() && namedListed.isEmpty()) {
      throw new MigrationException("none of the " + unlisted.size() + " devices named in"
          + " --ids-file is listed by the source (" + named(unlisted) + "); check the file and"
          + " the applications named");
    }
  }

  /** The IDs of {@code --ids-file} not listed, once every list was read to its end. */
  private List<String> unlisted() {
    if (unfinished.get() || selection.deviceIds().isEmpty()) {
      return List.of();
    }
    return selection.deviceIds().get().stream().filter(id -> !namedListed.contains(id))
        .toList();
  }

  private static String named(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(ids.size(), NAMED_UNLISTED)))
        + (ids.size() > NAMED_UNLISTED ? " and " + (ids.size() - NAMED_UNLISTED) + " more" : "");
  }

  private Iterator<ListedDevice> counted(Iterator<ListedDevice> all) {
    return counted(all, device -> false);
  }

  private Iterator<ListedDevice> counted(Iterator<ListedDevice> all,
      Predicate<ListedDevice> unjudged) {
    unfinished.set(true);
    return new Iterator<>() {
      private ListedDevice next;

      @Override
      public boolean hasNext() {
        while (next == null && all.hasNext()) {
          ListedDevice candidate = all.next();
          if (unjudged.test(candidate)) {
            next = candidate;
            break;
          }
          listed.incrementAndGet();
          String id = candidate.ref().deviceId();
          selection.deviceIds().filter(ids -> ids.contains(id))
              .ifPresent(ids -> namedListed.add(id));
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
