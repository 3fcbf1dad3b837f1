package org.ttnlw.migrate.export;

import org.ttnlw.migrate.source.DeviceRef;

/** A device that could not be exported or finished, and why, for the end-of-run list. */
public record DeviceFailure(DeviceRef device, String cause) {}
