package org.ttnlw.migrate.tts;

import java.util.Optional;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;

/** What one server answered for a device, and the profile the NS says it is bound to. */
record DevicePart(TtsServer server, EndDevice device,
    Optional<MACSettingsProfileIdentifiers> profile) {
  DevicePart(TtsServer server, EndDevice device) {
    this(server, device, Optional.empty());
  }
}
