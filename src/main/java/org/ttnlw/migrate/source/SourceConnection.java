package org.ttnlw.migrate.source;

/** What a run opens at the source and closes at its end: its connections, its files. */
public interface SourceConnection extends AutoCloseable {
  @Override
  void close();
}
