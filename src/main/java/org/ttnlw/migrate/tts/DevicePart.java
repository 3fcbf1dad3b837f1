package org.ttnlw.migrate.tts;

import org.ttnlw.migrate.proto.EndDevice;

/** What one server answered for a device. */
record DevicePart(TtsServer server, EndDevice device) {}
