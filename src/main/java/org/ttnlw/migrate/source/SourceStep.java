package org.ttnlw.migrate.source;

/** What the source is told about a device once its JSON is durable (or it is verified in the target). */
public enum SourceStep {
  /** The source is not changed (a dry run, or a source that offers no such step). */
  KEEP,
  /** {@link Source#disable}: the device stays registered, but the source no longer serves it. */
  DISABLE,
  /** {@link Source#delete}. */
  DELETE
}
