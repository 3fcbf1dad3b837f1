package org.ttnlw.migrate.source.chirpstack;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.chirpstack.proto.Device;
import org.ttnlw.migrate.chirpstack.proto.DeviceActivation;
import org.ttnlw.migrate.chirpstack.proto.DeviceKeys;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.source.KeptCopy;

/**
 * A ChirpStack device as its three Get calls return it (the device, its root keys, its
 * activation), kept in the journal before a delete as three {@link KeptCopy} parts joined by
 * ":" (empty where the device has none).
 */
record WholeDevice(Device device, Optional<DeviceKeys> keys,
    Optional<DeviceActivation> activation) {

  String copy() {
    return KeptCopy.encode(device.toByteArray()) + ":" + part(keys) + ":" + part(activation);
  }

  private static String part(Optional<? extends Message> message) {
    return message.map(held -> KeptCopy.encode(held.toByteArray())).orElse("");
  }

  /** @throws MigrationException naming {@code what} when the copy is damaged */
  static WholeDevice of(String copy, String what) {
    String[] parts = copy.split(":", -1);
    if (parts.length != 3) {
      throw new MigrationException(what + ": the journal's copy of it is damaged; re-create it"
          + " at the source by hand");
    }
    try {
      return new WholeDevice(Device.parseFrom(KeptCopy.decode(parts[0], what)),
          parts[1].isEmpty() ? Optional.empty()
              : Optional.of(DeviceKeys.parseFrom(KeptCopy.decode(parts[1], what))),
          parts[2].isEmpty() ? Optional.empty()
              : Optional.of(DeviceActivation.parseFrom(KeptCopy.decode(parts[2], what))));
    } catch (InvalidProtocolBufferException e) {
      throw new MigrationException(what + ": the journal's copy of it is damaged ("
          + e.getMessage() + "); re-create it at the source by hand");
    }
  }

  /** Which of the three parts {@code other} holds otherwise, for a message without values. */
  String differences(WholeDevice other) {
    List<String> differing = new ArrayList<>();
    if (!device.equals(other.device)) {
      differing.add("the device");
    }
    if (!keys.equals(other.keys)) {
      differing.add("its keys");
    }
    if (!activation.equals(other.activation)) {
      differing.add("its activation");
    }
    return String.join(", ", differing);
  }
}
