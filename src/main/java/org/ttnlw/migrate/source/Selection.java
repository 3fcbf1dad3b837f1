package org.ttnlw.migrate.source;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;

/**
 * Which of the listed devices a run takes: those that pass every {@code --select} filter and,
 * with {@code --ids-file}, are named there.
 *
 * @param deviceIds the IDs of {@code --ids-file}, as the source writes them canonically, in the
 *     file's order; empty without the flag
 * @param now when the run started: the ages of the filters on last activity count from it
 */
public record Selection(List<DeviceFilter> filters, Optional<Set<String>> deviceIds,
    Instant now) {

  public Selection {
    filters = List.copyOf(filters);
    deviceIds = deviceIds.map(ids -> Collections.unmodifiableSet(new LinkedHashSet<>(ids)));
  }

  /** Every device. */
  public static Selection all(Instant now) {
    return new Selection(List.of(), Optional.empty(), now);
  }

  /** Whether the selection takes some devices only. */
  public boolean narrows() {
    return !filters.isEmpty() || deviceIds.isPresent();
  }

  /** What the source's list must tell about each device. */
  public Set<DeviceFact> facts() {
    Set<DeviceFact> facts = EnumSet.noneOf(DeviceFact.class);
    filters.forEach(filter -> facts.add(filter.fact()));
    return facts;
  }

  public boolean named(DeviceRef ref) {
    return deviceIds.map(ids -> ids.contains(ref.deviceId())).orElse(true);
  }

  public boolean matches(ListedDevice device) {
    return named(device.ref()) && filters.stream().allMatch(f -> f.matches(device, now));
  }

  /** The device's value of what each filter looks at. */
  public List<String> shown(ListedDevice device) {
    return filters.stream().map(filter -> filter.shown(device)).toList();
  }

  /**
   * Refuses filters the source cannot evaluate on its device list: a filter never matches
   * everything for lack of what it looks at.
   *
   * @throws ConfigException naming each such filter and why
   */
  public void checkAgainst(SourcePlugin<?> plugin) {
    checkAgainst("source " + plugin.name(), fact -> refusal(plugin, fact));
  }

  /**
   * Refuses filters on what {@code source} cannot tell.
   *
   * @param source what the devices are read from, e.g. "source ttnv3"
   * @param unlisted why {@code source} cannot tell a fact; empty when it can
   * @throws ConfigException naming each such filter and why
   */
  public void checkAgainst(String source, Function<DeviceFact, Optional<String>> unlisted) {
    List<String> refused = filters.stream()
        .map(DeviceFilter::fact)
        .distinct()
        .flatMap(fact -> unlisted.apply(fact).map(why -> fact.label() + ": " + why).stream())
        .toList();
    if (!refused.isEmpty()) {
      throw new ConfigException("--select: " + source + " cannot select on "
          + String.join("; nor on ", refused) + "; nothing was read or changed");
    }
  }

  private static Optional<String> refusal(SourcePlugin<?> plugin, DeviceFact fact) {
    if (plugin instanceof SelectingPlugin<?> selecting) {
      return selecting.unlisted(fact);
    }
    return Optional.of("its device list tells nothing beyond the device IDs (--ids-file and"
        + " --limit work with every source)");
  }
}
