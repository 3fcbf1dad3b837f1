package org.ttnlw.migrate.pipeline;

/** A device or gateway that could not be exported or finished, and why, for the end-of-run list. */
public record ItemFailure(String item, String cause) {}
