package org.ttnlw.migrate.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run noticed about single items that asks nothing of the operator per item (a device
 * whose downlinks an earlier run disabled, the MAC settings profile a device was bound to),
 * gathered so that the end of the run says each once with a count and the report lists the
 * items, instead of one warning per item burying everything else; {@code --verbose} lists the
 * items under their line there, and names each nowhere else. Thread-safe; an item noticed twice
 * (read again after a retry) counts once.
 */
public final class Notices {
  private final Map<String, Set<String>> itemsByNotice = new LinkedHashMap<>();

  /**
   * @param notice what is true of the item, worded to follow a count of items, e.g. "had
   *     downlinks disabled at the source; exported without that setting"
   */
  public synchronized void add(String notice, Object item) {
    itemsByNotice.computeIfAbsent(notice, key -> new LinkedHashSet<>()).add(item.toString());
  }

  /** Each notice with its items, in the order first noticed. */
  public synchronized Map<String, List<String>> byNotice() {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    itemsByNotice.forEach((notice, items) -> copy.put(notice, List.copyOf(items)));
    return copy;
  }

  /**
   * One line per notice, e.g. "2,848 devices had downlinks disabled at the source; exported
   * without that setting".
   *
   * @param noun what an item is called, e.g. "device"
   */
  public synchronized List<String> summary(String noun) {
    List<String> lines = new ArrayList<>();
    itemsByNotice.forEach((notice, items) -> lines.add(String.format("%,d %s%s %s",
        items.size(), noun, items.size() == 1 ? "" : "s", notice)));
    return lines;
  }
}
