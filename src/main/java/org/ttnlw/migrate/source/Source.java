package org.ttnlw.migrate.source;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Notices;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * A network server that devices are migrated out of. Reads return the device in
 * TTS's model; the two writes stop the source from serving a device once it is
 * safe elsewhere. Implementations are thread-safe: the export keeps several
 * devices in flight.
 */
public interface Source extends SourceConnection {

  /**
   * The pre-flight, before the first device: one cheap authenticated call (per application, where
   * the source checks rights per application) that proves the address, TLS, the key and the
   * rights the run needs. Not retried: what fails here would fail every device.
   *
   * @throws ConfigException naming the side ("source"), the cause and the flag to fix
   */
  void preflight(SourceNeeds needs);

  /** The device a bare device ID on the command line or stdin refers to. */
  DeviceRef resolve(String deviceId);

  /** The devices of an application, in the source's order, read lazily page by page. */
  Iterator<DeviceRef> listDevices(String applicationId);

  /** Reads one device, complete enough to be created on another network. */
  CompletableFuture<EndDevice> fetch(DeviceRef device);

  /**
   * Takes the device out of service at the source without deleting it, so that the source
   * no longer answers it (TTS: downlinks, join accepts and MAC commands disabled). Doing it
   * twice is harmless.
   */
  CompletableFuture<Void> disable(DeviceRef device);

  /** Deletes the device from the source; a device already gone counts as deleted. */
  CompletableFuture<Void> delete(DeviceRef device);

  /**
   * Told about each device that is in the output and that the source keeps unchanged ({@link
   * SourceStep#KEEP}, outside a dry run), written by this run or, per the journal, an earlier one.
   * A source that cannot take devices out of service itself tells the operator about them in
   * {@link #remarks}.
   */
  default void kept(DeviceRef device) {}

  /** Lines printed on stderr after the run's summary: what is left to do at the source, by hand. */
  default List<String> remarks() {
    return List.of();
  }

  /** What the source noticed about single devices (e.g. the profile each was bound to). */
  default Notices notices() {
    return new Notices();
  }

  @Override
  void close();
}
