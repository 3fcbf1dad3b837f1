package org.ttnlw.migrate.undo;

/** What became of an item (device or gateway) an undo was asked to take back. */
record UndoResult<R>(R ref, Kind kind, String said) {
  enum Kind { UNDONE, WOULD_UNDO, LEFT_ALONE }
}
