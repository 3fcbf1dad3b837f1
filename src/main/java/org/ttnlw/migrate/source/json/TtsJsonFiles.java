package org.ttnlw.migrate.source.json;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.source.DeviceFact;
import org.ttnlw.migrate.source.ListedDevice;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceNeeds;

/**
 * Devices in TTS JSON, as this tool, the Go migration tool or {@code ttn-lw-cli end-devices get}
 * write them, read from files one after another (or stdin), for {@code import}. A record that is
 * not a device fails on its own, naming its file and line; the others still go in. Nothing is
 * ever changed here.
 */
public final class TtsJsonFiles extends JsonFileInput<DeviceRef, EndDevice> implements Source {
  private static final JsonItemFiles.Kind<DeviceRef, EndDevice> DEVICES =
      new JsonItemFiles.Kind<>("device", "ids.device_id", EndDevice::newBuilder,
          device -> device.getIds().getDeviceId().isEmpty() ? null : DeviceRef.of(device.getIds()),
          DeviceRef::new);

  /** @param files read in order; with none, stdin is read */
  public TtsJsonFiles(List<Path> files, InputStream stdin) {
    super(new JsonItemFiles<>(files, stdin, DEVICES));
  }

  /** The devices of every file, in order; a record that is not a device stands for its error. */
  public Iterator<DeviceRef> devices() {
    return files.items();
  }

  /**
   * The device {@code ref} stands for, with what its record holds that a selection judges;
   * without it for a record that is not a device ({@link #notADevice}).
   */
  public ListedDevice listed(DeviceRef ref) {
    return files.item(ref).map(device -> ListedDevice.of(ref)
            .withAttributes(device.getAttributesMap())
            .withModel(device.getVersionIds().getBrandId(), device.getVersionIds().getModelId())
            .withActivationAndPlan(device.getSupportsJoin(),
                Optional.of(device.getFrequencyPlanId()).filter(plan -> !plan.isEmpty())))
        .orElse(ListedDevice.of(ref));
  }

  /** Whether {@code ref} stands for a record that is not a device, and for its error. */
  public boolean notADevice(DeviceRef ref) {
    return files.item(ref).isEmpty();
  }

  /**
   * Why a TTS JSON record cannot tell {@code fact}, for {@code --select}; empty when it can.
   */
  public static Optional<String> unlisted(DeviceFact fact) {
    return switch (fact) {
      case ATTRIBUTES, MODEL, FREQUENCY_PLAN, ACTIVATION -> Optional.empty();
      case PROFILE -> Optional.of("TTS devices have no device profile (select by"
          + " model:BRAND/MODEL, or attribute:KEY=VALUE)");
      case LAST_SEEN -> Optional.of("a TTS JSON record need not hold when the device was last"
          + " seen (exports leave it out with the session); select by last activity where the"
          + " devices are exported");
    };
  }

  /** Nothing to ask: each file is opened as its turn comes, and a file that fails is named. */
  @Override
  public void preflight(SourceNeeds needs) {}

  @Override
  public DeviceRef resolve(String deviceId) {
    throw new UnsupportedOperationException("import reads devices, not device IDs");
  }

  @Override
  public Iterator<DeviceRef> listDevices(String applicationId) {
    throw new UnsupportedOperationException("import reads devices, not applications");
  }

  @Override
  public CompletableFuture<Void> disable(DeviceRef device) {
    return CompletableFuture.completedFuture(null);
  }
}
