package org.ttnlw.migrate.source.tts;

import com.google.protobuf.FieldMask;
import org.ttnlw.migrate.proto.EndDevice;

/** What one server answered for a device, and the field mask it was asked with. */
record DevicePart(TtsServer server, FieldMask mask, EndDevice device) {}
