package org.ttnlw.migrate.sim;

import com.google.protobuf.FieldMask;
import java.util.Collection;
import java.util.List;
import org.ttnlw.migrate.proto.EndDevice;

/** {@link MessageMasks} on end devices, with the paths TTS registries always return. */
final class DeviceMasks {
  /** Paths TTS registries return with every device, whatever the mask. */
  static final List<String> IMPLICIT_PATHS = List.of("ids", "created_at", "updated_at");

  private DeviceMasks() {}

  /** The device restricted to the given paths plus {@link #IMPLICIT_PATHS}. */
  static EndDevice select(EndDevice device, Collection<String> ttsPaths) {
    return MessageMasks.select(device, IMPLICIT_PATHS, ttsPaths);
  }

  /** {@code target} with the masked fields replaced by those of {@code changes}, as TTS Set does. */
  static EndDevice apply(EndDevice target, EndDevice changes, Collection<String> ttsPaths) {
    return MessageMasks.apply(target, changes, ttsPaths);
  }

  /** Protobuf field paths for TTS paths; a oneof name at the end stands for all its fields. */
  static FieldMask toFieldMask(Collection<String> ttsPaths) {
    return MessageMasks.toFieldMask(EndDevice.getDescriptor(), ttsPaths);
  }
}
