package org.ttnlw.migrate.export;

/** A device or gateway that could not be exported or finished, and why, for the end-of-run list. */
public record ItemFailure(String item, String cause) {}
