package org.ttnlw.migrate.source.chirpstack;

import org.ttnlw.migrate.core.MigrationException;

/** A device read from ChirpStack cannot be expressed in TTS as it is; the message says what to do. */
final class DeviceMappingException extends MigrationException {
  DeviceMappingException(String devEui, String problem) {
    super("device " + devEui + ": " + problem);
  }
}
