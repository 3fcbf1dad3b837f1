package org.ttnlw.migrate.pipeline;

import java.util.Optional;

/**
 * What a run does with its items: writes them out (an export), or creates them in a target,
 * read from a source (a migration) or from files (an import).
 *
 * @param <C> the checked settings of the target
 */
public sealed interface Mode<C> {
  /** Items are written out only; the source steps follow each line. */
  record Export<C>() implements Mode<C> {}

  /** Items of a source go into the target, and only then the source steps follow. */
  record Migrate<C>(C config) implements Mode<C> {}

  /** Items of files go into the target; there is no source to change. */
  record Import<C>(C config) implements Mode<C> {}

  /** The target's settings; empty for an export. */
  default Optional<C> target() {
    if (this instanceof Migrate<C> migrate) {
      return Optional.of(migrate.config());
    }
    if (this instanceof Import<C> imported) {
      return Optional.of(imported.config());
    }
    return Optional.empty();
  }

  default boolean hasTarget() {
    return target().isPresent();
  }

  /** What a run in this mode does to an item, as its progress and summary say it. */
  default String verb(boolean dryRun) {
    if (this instanceof Export<C>) {
      return "exported";
    }
    return dryRun ? "checked" : this instanceof Migrate<C> ? "migrated" : "imported";
  }
}
