package org.ttnlw.migrate.source.tts;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.CreateEndDeviceRequest;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.source.KeptCopy;
import org.ttnlw.migrate.source.RestorableSource.Restored;
import org.ttnlw.migrate.tts.DeviceRegistries;
import org.ttnlw.migrate.tts.Difference;
import org.ttnlw.migrate.tts.FieldMaskTable;
import org.ttnlw.migrate.tts.ImportPaths;
import org.ttnlw.migrate.tts.ProfileBinding;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * A device about to be deleted at the source, kept whole for {@code undo} (as the four
 * registries return it: keys, session, MAC state, its MAC settings profile binding), and
 * re-created from that copy: IS Create, then Set on JS (where it was there), NS and AS with the
 * leaves it holds, the binding last, and read back.
 */
final class DeviceCopies {
  /** Heads the copy: whether the Join Server held the device (an ABP device, or one with an
   * external Join Server, is not re-created there). */
  private static final String ON_JOIN_SERVER = "js:";
  private static final String NOT_ON_JOIN_SERVER = "no-js:";
  private static final List<TtsServer> SET_ORDER = List.of(TtsServer.JOIN_SERVER,
      TtsServer.NETWORK_SERVER, TtsServer.APPLICATION_SERVER);

  private final RegistryCalls calls;
  private final DeviceRegistries registries;
  private final ImportPaths paths = new ImportPaths(FieldMaskTable.bundled());

  DeviceCopies(RegistryCalls calls, DeviceRegistries registries) {
    this.calls = calls;
    this.registries = registries;
  }

  /** The device as the source holds it, as one line for the journal. */
  CompletableFuture<String> keep(DeviceRef ref) {
    return registries.read(ref, "keeping a copy of device " + ref + " before deleting it")
        .thenApply(read -> {
          EndDevice device = ProfileBinding.stripped(read.device());
          if (read.profile().isPresent()) {
            device = read.profile().get().carriedIn(device);
          }
          return (read.onJoinServer() ? ON_JOIN_SERVER : NOT_ON_JOIN_SERVER)
              + KeptCopy.encode(device.toByteArray());
        });
  }

  /** Re-creates the device from {@code copy}, unless the source holds one of its ID again. */
  CompletableFuture<Restored> recreate(DeviceRef ref, String copy) {
    String what = "re-creating device " + ref + " at the source";
    boolean onJoinServer = copy.startsWith(ON_JOIN_SERVER);
    EndDevice device = parse(copy.substring(copy.indexOf(':') + 1), what);
    Optional<ProfileBinding> binding = ProfileBinding.carriedBy(device);
    EndDevice fields = ProfileBinding.stripped(device);
    return registries.exists(ref, what).thenCompose(exists -> {
      if (exists) {
        return CompletableFuture.completedFuture(Restored.FOUND_THERE);
      }
      List<ImportPaths.Leaf> written = new ArrayList<>();
      CompletableFuture<?> done = calls.call(TtsServer.IDENTITY_SERVER,
          EndDeviceRegistryGrpc.getCreateMethod(), CreateEndDeviceRequest.newBuilder()
              .setEndDevice(paths.identityPart(fields)).build(), what);
      written.addAll(paths.held(TtsServer.IDENTITY_SERVER, fields));
      for (TtsServer server : SET_ORDER) {
        List<ImportPaths.Leaf> leaves = paths.held(server, fields);
        if (leaves.isEmpty() || (server == TtsServer.JOIN_SERVER && !onJoinServer)) {
          continue;
        }
        written.addAll(leaves);
        done = done.thenCompose(ignored ->
            calls.write(server, fields, ImportPaths.mask(leaves), what));
      }
      if (binding.isPresent()) {
        done = done.thenCompose(ignored -> calls.write(TtsServer.NETWORK_SERVER,
            binding.get().carriedIn(EndDevice.newBuilder().setIds(fields.getIds()).build()),
            ProfileBinding.MASK, what + " (binding it to MAC settings profile "
                + binding.get().profileId() + ")"));
      }
      return done.thenCompose(ignored -> readBack(ref, fields, binding, written));
    });
  }

  /** Reads the re-created device and fails where it differs from the copy. */
  private CompletableFuture<Restored> readBack(DeviceRef ref, EndDevice copy,
      Optional<ProfileBinding> binding, List<ImportPaths.Leaf> written) {
    return registries.read(ref, "reading device " + ref + " back at the source").thenApply(read -> {
      List<Difference> differing = ImportPaths.differences(copy, read.device(), written);
      if (!differing.isEmpty()) {
        throw new MigrationException("device " + ref + ": re-created at the source, it differs"
            + " from the journal's copy in " + Difference.describe(differing));
      }
      if (!read.profile().map(ProfileBinding::ids).equals(binding.map(ProfileBinding::ids))) {
        throw new MigrationException("device " + ref + ": re-created at the source, it is not"
            + " bound to the MAC settings profile it was bound to");
      }
      return Restored.RESTORED;
    });
  }

  private static EndDevice parse(String copy, String what) {
    try {
      return EndDevice.parseFrom(KeptCopy.decode(copy, what));
    } catch (InvalidProtocolBufferException e) {
      throw new MigrationException(what + ": the journal's copy of it is damaged ("
          + e.getMessage() + "); re-create it at the source by hand");
    }
  }
}
