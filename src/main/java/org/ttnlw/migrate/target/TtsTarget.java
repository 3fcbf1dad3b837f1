package org.ttnlw.migrate.target;

import com.google.protobuf.FieldMask;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.pipeline.Delivery;
import org.ttnlw.migrate.pipeline.TargetOutcome;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.CreateEndDeviceRequest;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.tts.DeviceRegistries;
import org.ttnlw.migrate.tts.Difference;
import org.ttnlw.migrate.tts.FieldMaskTable;
import org.ttnlw.migrate.tts.ImportPaths;
import org.ttnlw.migrate.tts.ProfileBinding;
import org.ttnlw.migrate.tts.RegistryCalls;
import org.ttnlw.migrate.tts.RightsPreflight;
import org.ttnlw.migrate.tts.TtsCallException;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * A TTS deployment that devices are migrated into, as TTS's own CLI creates a device: IS Create
 * with the identity and the target's server addresses, then Set on JS (joining devices only), NS
 * and AS, each with the leaves of its allowed paths that the device holds. A device that fails
 * half-way is deleted again. A new device that was bound to a MAC settings profile in the source
 * is bound to the target's same profile instead of getting its settings inline, where {@link
 * TargetProfiles} finds one. Every device is then read back from all servers and compared, field
 * by field, with what was exported; only a device that matches counts as delivered.
 */
public final class TtsTarget implements Delivery<EndDevice>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TtsTarget.class);
  /** The servers set after the IS has created the device, in TTS's CLI's order. */
  private static final List<TtsServer> SET_ORDER = List.of(TtsServer.JOIN_SERVER,
      TtsServer.NETWORK_SERVER, TtsServer.APPLICATION_SERVER);
  private static final String EUIS_TAKEN = "end_device_euis_taken";
  private static final String MAC_SETTINGS = "mac_settings";
  private static final String BINDING_PATH = ProfileBinding.MASK.getPaths(0);
  /** The servers an interrupted create may not have reached: every one after the IS. */
  private static final Set<TtsServer> HALF_CREATED = EnumSet.copyOf(SET_ORDER);

  private final TargetConfig config;
  private final RegistryCalls calls;
  private final DeviceRegistries registries;
  private final ImportPaths paths = new ImportPaths(FieldMaskTable.bundled());
  private final boolean dryRun;
  private final TargetProfiles profiles;

  public TtsTarget(TargetConfig config, CallSettings context, boolean dryRun) {
    this.config = config;
    this.calls = new RegistryCalls(config.connection(), context);
    this.registries = new DeviceRegistries(calls, "target", true, context.concurrency() == 1);
    this.dryRun = dryRun;
    this.profiles = new TargetProfiles(calls, config);
  }

  /**
   * The target's pre-flight, before the first device: the key's rights on the target application
   * (one ListRights, not retried) against what the run needs: reading the devices with their keys
   * (to compare and verify), and writing them with their keys unless it is a dry run.
   *
   * @throws ConfigException naming what is missing and the flag to fix
   */
  public void checkApplication() {
    Map<Right, String> needed = new LinkedHashMap<>();
    needed.put(Right.RIGHT_APPLICATION_DEVICES_READ, "reading the devices back");
    needed.put(Right.RIGHT_APPLICATION_DEVICES_READ_KEYS, "verifying their keys");
    if (!dryRun) {
      needed.put(Right.RIGHT_APPLICATION_DEVICES_WRITE, "creating the devices");
      needed.put(Right.RIGHT_APPLICATION_DEVICES_WRITE_KEYS, "writing their keys");
    }
    new RightsPreflight(calls, "target", config.connection().flagPrefix())
        .require(config.appId(), needed);
  }

  @Override
  public boolean writes() {
    return !dryRun;
  }

  @Override
  public CompletableFuture<Delivered<EndDevice>> deliver(EndDevice exported, boolean resumed) {
    EndDevice wanted = wanted(exported);
    DeviceRef ref = DeviceRef.of(wanted.getIds());
    String what = "device " + ref + " in the target";
    return registries.exists(ref, what).thenCompose(exists -> exists
        ? existing(ref, exported, wanted, resumed, what)
        : create(ref, exported, wanted, what));
  }

  /** The device as the target should hold it: in the target application, on its servers. */
  private EndDevice wanted(EndDevice exported) {
    EndDevice.Builder wanted = ProfileBinding.stripped(exported).toBuilder()
        .clearCreatedAt()
        .clearUpdatedAt()
        .setNetworkServerAddress(config.connection().host(TtsServer.NETWORK_SERVER))
        .setApplicationServerAddress(config.connection().host(TtsServer.APPLICATION_SERVER));
    if (exported.getSupportsJoin()) {
      wanted.setJoinServerAddress(config.connection().host(TtsServer.JOIN_SERVER));
    } else {
      wanted.clearJoinServerAddress();
    }
    EndDeviceIdentifiers.Builder ids = wanted.getIdsBuilder();
    ids.setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(config.appId()));
    if (exported.hasSession()) {
      ids.setDevAddr(exported.getSession().getDevAddr());
    }
    return wanted.build();
  }

  private CompletableFuture<Delivered<EndDevice>> create(DeviceRef ref, EndDevice exported,
      EndDevice wanted, String what) {
    if (dryRun) {
      return CompletableFuture.completedFuture(
          new Delivered<>(wanted, TargetOutcome.WOULD_CREATE));
    }
    CreateEndDeviceRequest request = CreateEndDeviceRequest.newBuilder()
        .setEndDevice(paths.identityPart(wanted))
        .build();
    return calls.call(TtsServer.IDENTITY_SERVER, EndDeviceRegistryGrpc.getCreateMethod(), request,
            what)
        .handle((created, failure) -> failure == null ? null : Futures.unwrap(failure))
        .thenCompose(failure -> {
          if (failure == null) {
            return profiles.bindingFor(exported).thenCompose(binding -> binding.isPresent()
                ? finishBound(ref, wanted, binding.get(), what)
                : finishCreated(ref, wanted, what));
          }
          if (isIdTaken(failure)) {
            // Created meanwhile by someone else: compare it as a device that was there.
            return existing(ref, exported, wanted, false, what);
          }
          throw explainCreateFailure(ref, wanted, failure);
        });
  }

  private static boolean isIdTaken(RuntimeException failure) {
    return failure instanceof TtsCallException call && call.code() == Status.Code.ALREADY_EXISTS
        && !call.errorName().equals(EUIS_TAKEN);
  }

  private CompletableFuture<Delivered<EndDevice>> finishCreated(DeviceRef ref, EndDevice wanted,
      String what) {
    return created(ref, wanted, setAll(wanted, SET_ORDER, leaf -> true, what)
        .thenCompose(ignored -> verify(ref, wanted, written(wanted), what)));
  }

  /** The created device once {@code finished}; rolled back where that fails. */
  private CompletableFuture<Delivered<EndDevice>> created(DeviceRef ref, EndDevice wanted,
      CompletableFuture<?> finished) {
    return finished
        .handle((ok, failure) -> failure == null
            ? CompletableFuture.completedFuture(new Delivered<>(wanted, TargetOutcome.CREATED))
            : this.<Delivered<EndDevice>>rollBack(ref, Futures.unwrap(failure)))
        .thenCompose(Function.identity());
  }

  /**
   * Finishes a created device bound to {@code binding}: every leaf but its MAC settings, then the
   * binding.
   */
  private CompletableFuture<Delivered<EndDevice>> finishBound(DeviceRef ref, EndDevice wanted,
      ProfileBinding binding, String what) {
    return created(ref, wanted, setAll(wanted, SET_ORDER, leaf -> !isMacSettings(leaf), what)
        .thenCompose(ignored -> bindAndVerify(ref, wanted, binding, written(wanted), what)));
  }

  /**
   * Binds the device to {@code binding} in a Set of its own (TTS refuses it beside MAC settings)
   * and verifies it, bound and with the profile's settings; a NS that refuses the binding gets the
   * MAC settings inline instead.
   */
  private CompletableFuture<DeviceRegistries.Read> bindAndVerify(DeviceRef ref, EndDevice wanted,
      ProfileBinding binding, List<ImportPaths.Leaf> verified, String what) {
    return bind(wanted, binding, what).thenCompose(bound -> bound
        ? verify(ref, wanted, verified, what).thenApply(read -> {
          TargetProfiles.check(ref, read, binding);
          return read;
        })
        : setAll(wanted, List.of(TtsServer.NETWORK_SERVER), TtsTarget::isMacSettings, what)
            .thenCompose(ignored -> verify(ref, wanted, verified, what)));
  }

  /** Whether the NS took the binding; false where it refuses the path. */
  private CompletableFuture<Boolean> bind(EndDevice wanted, ProfileBinding binding,
      String what) {
    EndDevice bound = binding.carriedIn(EndDevice.newBuilder().setIds(wanted.getIds()).build());
    return calls.write(TtsServer.NETWORK_SERVER, bound, ProfileBinding.MASK,
            what + " (binding it to MAC settings profile " + binding.profileId() + ")")
        .handle((answer, failure) -> {
          if (failure == null) {
            return true;
          }
          if (profiles.refusedBy(failure)) {
            return false;
          }
          throw Futures.unwrap(failure);
        });
  }

  private static boolean isMacSettings(ImportPaths.Leaf leaf) {
    return isMacSettings(leaf.path());
  }

  private static boolean isMacSettings(String path) {
    return path.equals(MAC_SETTINGS) || path.startsWith(MAC_SETTINGS + ".");
  }

  private RuntimeException explainCreateFailure(DeviceRef ref, EndDevice wanted,
      RuntimeException failure) {
    if (!(failure instanceof TtsCallException call) || call.code() != Status.Code.ALREADY_EXISTS) {
      return failure;
    }
    return new TargetDeviceException("device " + ref + ": its JoinEUI " + hex(wanted.getIds()
        .getJoinEui().toByteArray()) + " and DevEUI " + hex(wanted.getIds().getDevEui()
        .toByteArray()) + " are already registered in the target as device "
        + call.attribute("device_id") + " of application " + call.attribute("application_id")
        + "; delete that device there first, or leave this one out (not retried)", call);
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().withUpperCase().formatHex(bytes);
  }

  /**
   * Writes, server by server in {@code order}, the leaves an import writes there that
   * {@code chosen} accepts.
   */
  private CompletableFuture<Void> setAll(EndDevice wanted, List<TtsServer> order,
      Predicate<ImportPaths.Leaf> chosen, String what) {
    CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
    for (TtsServer server : order) {
      List<ImportPaths.Leaf> leaves = writtenTo(server, wanted).stream().filter(chosen).toList();
      if (!leaves.isEmpty()) {
        done = done.thenCompose(ignored ->
            calls.write(server, wanted, ImportPaths.mask(leaves), what).thenApply(answer -> null));
      }
    }
    return done;
  }

  /** Every leaf an import writes for the device, on every server it is written to. */
  private List<ImportPaths.Leaf> written(EndDevice wanted) {
    List<ImportPaths.Leaf> written = new ArrayList<>(writtenTo(TtsServer.IDENTITY_SERVER, wanted));
    SET_ORDER.forEach(server -> written.addAll(writtenTo(server, wanted)));
    return written;
  }

  /** The leaves an import writes on {@code server}: none on the Join Server for an ABP device. */
  private List<ImportPaths.Leaf> writtenTo(TtsServer server, EndDevice wanted) {
    if (server == TtsServer.JOIN_SERVER && !wanted.getSupportsJoin()) {
      return List.of();
    }
    return paths.held(server, wanted);
  }

  /**
   * Reads the device back from the target; fails when it differs at any of {@code leaves}, its MAC
   * settings those of its profile where it is bound to one.
   */
  private CompletableFuture<DeviceRegistries.Read> verify(DeviceRef ref, EndDevice wanted,
      List<ImportPaths.Leaf> leaves, String what) {
    return registries.read(ref, what).thenCompose(read -> profiles.effective(ref, read)
        .thenApply(device -> {
          List<Difference> differing = ImportPaths.differences(wanted, device, leaves);
          if (!differing.isEmpty()) {
            throw new TargetDeviceException("device " + ref + ": read back from the target, it"
                + " differs from the export in " + Difference.describe(differing));
          }
          return read;
        }));
  }

  private <T> CompletableFuture<T> rollBack(DeviceRef ref, RuntimeException failure) {
    log.debug("device {}: deleting what was created of it in the target", ref);
    return registries.delete(ref, "deleting device " + ref + " from the target again")
        .handle((ok, deleteFailure) -> {
          if (deleteFailure != null) {
            throw new TargetDeviceException(failure.getMessage() + "; deleting what was created of"
                + " it in the target failed too (" + Futures.unwrap(deleteFailure).getMessage()
                + "): delete it there by hand", failure);
          }
          throw new TargetDeviceException(failure.getMessage() + "; what was created of it in the"
              + " target was deleted again", failure);
        });
  }

  private CompletableFuture<Delivered<EndDevice>> existing(DeviceRef ref, EndDevice exported,
      EndDevice wanted, boolean resumed, String what) {
    return profiles.bindingFor(exported).thenCompose(binding ->
        registries.read(ref, what, HALF_CREATED).thenCompose(read ->
            profiles.effective(ref, read).thenCompose(effective ->
                existing(ref, wanted, binding, read, effective, resumed, what))));
  }

  /**
   * How to overwrite a device that differs. Where the source's own step changes keys, keys that
   * differ are most likely the source's invalidated ones against the ones the device uses.
   */
  private String overwriteAdvice(List<Difference> differences) {
    if (config.sourceChangesKeys() && differences.stream().anyMatch(Difference::isSecret)) {
      return "an earlier run may have invalidated its keys at the source, and then the target"
          + " holds the ones the device uses: check which are right before you overwrite the"
          + " target's with --target.update-existing";
    }
    return "pass --target.update-existing to overwrite it";
  }

  /**
   * A device already in the target, compared with its effective MAC settings (its profile's where
   * it is bound to one). One this migration created half-way, or one to update, is finished as a
   * new one would be: bound to {@code binding}'s profile where there is one.
   */
  private CompletableFuture<Delivered<EndDevice>> existing(DeviceRef ref, EndDevice wanted,
      Optional<ProfileBinding> binding, DeviceRegistries.Read read, EndDevice effective,
      boolean resumed, String what) {
    // A device this migration created half-way is finished whole; in one that was there
    // already, what changes while it runs (frame counters, MAC state) is left as it is.
    List<ImportPaths.Leaf> compared = resumed ? written(wanted) : ImportPaths.settled(
        written(wanted));
    List<Difference> differences = ImportPaths.differences(wanted, effective, compared);
    List<String> differing = new ArrayList<>(Difference.paths(differences));
    boolean rebind = binding.isPresent() && !TargetProfiles.isBound(read, binding.get())
        && (resumed || config.updateExisting());
    if (rebind) {
      differing.add(BINDING_PATH);
    }
    if (differing.isEmpty()) {
      return CompletableFuture.completedFuture(
          new Delivered<>(wanted, TargetOutcome.ALREADY_THERE));
    }
    if (!resumed && !config.updateExisting()) {
      throw TargetDeviceException.differs("device " + ref + " is already in the target and"
          + " differs in " + Difference.describe(differences) + "; it was left as it is ("
          + overwriteAdvice(differences) + ")", differing);
    }
    if (!rebind && read.profile().isPresent()
        && differing.stream().anyMatch(path -> isMacSettings(path))) {
      throw new TargetDeviceException("device " + ref + " is bound in the target to MAC settings"
          + " profile " + read.profile().get().profileId() + ", whose settings differ from the"
          + " export in " + Difference.describe(differences) + "; this tool does not unbind"
          + " devices: unbind it in the target, or bind it to a profile with these settings");
    }
    if (dryRun) {
      return CompletableFuture.completedFuture(
          new Delivered<>(wanted, TargetOutcome.WOULD_UPDATE, differing));
    }
    List<TtsServer> all = new ArrayList<>(List.of(TtsServer.IDENTITY_SERVER));
    all.addAll(SET_ORDER);
    CompletableFuture<?> finished = rebind
        ? setAll(wanted, all, leaf -> differing.contains(leaf.path()) && !isMacSettings(leaf),
            what).thenCompose(ignored -> bindAndVerify(ref, wanted, binding.get(), compared, what))
        : setAll(wanted, all, leaf -> differing.contains(leaf.path()), what)
            .thenCompose(ignored -> verify(ref, wanted, compared, what));
    return finished.thenApply(ignored -> new Delivered<>(wanted,
        resumed ? TargetOutcome.CREATED : TargetOutcome.UPDATED, differing));
  }

  /**
   * Whether a device a run created is still in the target as the run wrote it (what a device in
   * service changes by itself, its counters and MAC state, aside), so that it may be deleted.
   *
   * @param written the device as the run created it, in the target application
   */
  public CompletableFuture<Removal> removable(EndDevice written) {
    DeviceRef ref = DeviceRef.of(written.getIds());
    String what = "device " + ref + " in the target";
    return registries.exists(ref, what).thenCompose(exists -> !exists
        ? CompletableFuture.completedFuture(Removal.of(Removal.Kind.GONE))
        : registries.read(ref, what, HALF_CREATED)
            .thenCompose(read -> profiles.effective(ref, read)).thenApply(effective -> {
              List<Difference> differing = ImportPaths.differences(written, effective,
                  ImportPaths.settled(written(written)));
              return differing.isEmpty() ? Removal.of(Removal.Kind.UNCHANGED)
                  : new Removal(Removal.Kind.CHANGED, Difference.paths(differing));
            }));
  }

  /** Deletes the device from every server of the target, and reads it back gone. */
  public CompletableFuture<Void> remove(DeviceRef ref) {
    return registries.delete(ref, "deleting device " + ref + " from the target")
        .thenCompose(deleted -> registries.exists(ref, "device " + ref + " in the target"))
        .thenApply(still -> {
          if (still) {
            throw new TargetDeviceException("device " + ref + ": deleted from the target, it is"
                + " still there when read back");
          }
          return null;
        });
  }

  @Override
  public void close() {
    calls.close();
  }
}
