package org.ttnlw.migrate.source;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ttnlw.migrate.core.DeviceRef;

/**
 * A device as its source's list shows it: the reference and the facts the list told. A source
 * fills only the facts it was asked for; an empty one of those is absent at the source (a device
 * never seen has no last activity).
 *
 * @param model "BRAND/MODEL"
 */
public record ListedDevice(DeviceRef ref, Map<String, String> attributes, Optional<String> profile,
    Optional<String> model, Optional<String> frequencyPlan, Optional<Boolean> otaa,
    Optional<Instant> lastSeen) {

  public ListedDevice {
    attributes = Map.copyOf(attributes);
  }

  /** A device the list told nothing about beyond its reference. */
  public static ListedDevice of(DeviceRef ref) {
    return new ListedDevice(ref, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  public ListedDevice withAttributes(Map<String, String> attributes) {
    return new ListedDevice(ref, attributes, profile, model, frequencyPlan, otaa, lastSeen);
  }

  /** @param name empty: bound to no profile */
  public ListedDevice withProfile(String name) {
    return new ListedDevice(ref, attributes, nonEmpty(name), model, frequencyPlan, otaa,
        lastSeen);
  }

  /** @param brand empty, with {@code model} empty: no model known at the source */
  public ListedDevice withModel(String brand, String model) {
    Optional<String> named = brand.isEmpty() && model.isEmpty() ? Optional.empty()
        : Optional.of(brand + "/" + model);
    return new ListedDevice(ref, attributes, profile, named, frequencyPlan, otaa, lastSeen);
  }

  /** What the device's profile says of it, where the profile holds these. */
  public ListedDevice withActivationAndPlan(boolean otaa, Optional<String> frequencyPlan) {
    return new ListedDevice(ref, attributes, profile, model, frequencyPlan, Optional.of(otaa),
        lastSeen);
  }

  /** @param lastSeen null: never seen */
  public ListedDevice withLastSeen(Instant lastSeen) {
    return new ListedDevice(ref, attributes, profile, model, frequencyPlan, otaa,
        Optional.ofNullable(lastSeen));
  }

  private static Optional<String> nonEmpty(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
