package org.ttnlw.migrate.source.json;

/**
 * Items read from files as records (the imports), counted so that the summary accounts for every
 * record: each one is created, already there, failed, skipped or a repeat.
 */
public interface RecordInput {
  /**
   * @param records every record read, good or not
   * @param repeated records giving an item that an earlier record gave (imported once)
   */
  record RecordsRead(long records, long repeated) {}

  /** The records read so far. */
  RecordsRead recordsRead();
}
