package org.ttnlw.migrate.sim;

import com.google.protobuf.Message;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the IS, AS and NS of a simulator hold of applications: the application itself, its link,
 * webhooks, pub/subs, package default associations and MAC settings profiles, each by message
 * type, application and ID (empty for the application and its link). Thread-safe.
 */
public final class SettingsStore {
  private record Key(Class<?> type, String applicationId) {}

  private final Map<Key, TreeMap<String, Message>> items = new ConcurrentHashMap<>();

  /** Stores {@code item} under {@code id}, replacing what was there. */
  public synchronized void put(String applicationId, String id, Message item) {
    items.computeIfAbsent(new Key(item.getClass(), applicationId), key -> new TreeMap<>())
        .put(id, item);
  }

  public synchronized <M extends Message> Optional<M> get(Class<M> type, String applicationId,
      String id) {
    TreeMap<String, Message> held = items.get(new Key(type, applicationId));
    return Optional.ofNullable(held == null ? null : type.cast(held.get(id)));
  }

  public synchronized void remove(Class<?> type, String applicationId, String id) {
    TreeMap<String, Message> held = items.get(new Key(type, applicationId));
    if (held != null) {
      held.remove(id);
    }
  }

  /** The items of a type in an application, by ID. */
  public synchronized <M extends Message> List<M> list(Class<M> type, String applicationId) {
    TreeMap<String, Message> held = items.get(new Key(type, applicationId));
    return held == null ? List.of() : held.values().stream().map(type::cast).toList();
  }
}
