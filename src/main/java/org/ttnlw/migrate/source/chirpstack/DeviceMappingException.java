package org.ttnlw.migrate.source.chirpstack;

import org.ttnlw.migrate.source.SourceException;

/** A device read from ChirpStack cannot be expressed in TTS as it is; the message says what to do. */
final class DeviceMappingException extends SourceException {
  DeviceMappingException(String devEui, String problem) {
    super("device " + devEui + ": " + problem);
  }
}
