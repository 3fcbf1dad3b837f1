package org.ttnlw.migrate.source.chirpstack;

import java.util.Optional;
import org.ttnlw.migrate.chirpstack.proto.DeviceKeys;
import org.ttnlw.migrate.chirpstack.proto.DeviceProfile;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceActivationResponse;
import org.ttnlw.migrate.chirpstack.proto.GetDeviceResponse;

/**
 * What was read of one device.
 *
 * @param keys the OTAA root keys; empty for ABP, or when ChirpStack has none
 * @param activation the answer of GetActivation; empty when it was not asked for
 */
record ReadDevice(GetDeviceResponse device, DeviceProfile profile, Optional<DeviceKeys> keys,
    Optional<GetDeviceActivationResponse> activation) {}
