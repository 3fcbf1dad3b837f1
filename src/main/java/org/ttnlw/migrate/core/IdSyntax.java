package org.ttnlw.migrate.core;

/**
 * How a source writes the IDs it is given on the command line or stdin, checked before any
 * call: TTS IDs for the ttnv3 source, DevEUIs or UUIDs for others.
 */
public interface IdSyntax {
  /** Why the source would refuse {@code id}, or null when it is valid. */
  String problem(String id);

  /** The one spelling of a valid ID, so that an ID written two ways is exported once. */
  default String canonical(String id) {
    return id;
  }
}
