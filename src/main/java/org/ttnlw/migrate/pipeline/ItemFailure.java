package org.ttnlw.migrate.pipeline;

/** A device or gateway that could not be exported or finished, and why, for the end-of-run list. */
public record ItemFailure(String item, String cause) {
  /** The item and its cause, naming the item once: most causes name it already. */
  String line() {
    return cause.contains(item) ? cause : item + ": " + cause;
  }
}
