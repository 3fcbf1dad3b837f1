package org.ttnlw.migrate.tts;

import com.google.protobuf.FieldMask;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.calls.RetryingCalls;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;

/**
 * One device in the four registries of a deployment: read whole, from each server with a field
 * mask of exactly the paths its Get allows and the answers merged by the {@link MergePlan} (a
 * device absent from the Join Server, ABP or with an external Join Server, is read without it);
 * checked for; deleted from every server.
 */
public final class DeviceRegistries {
  private static final Logger log = LoggerFactory.getLogger(DeviceRegistries.class);
  private static final String CLAIM_AUTHENTICATION_CODE = "claim_authentication_code";
  /** Servers in the order a device is deleted from them: the Identity Server last. */
  private static final List<TtsServer> DELETE_ORDER = List.of(TtsServer.APPLICATION_SERVER,
      TtsServer.NETWORK_SERVER, TtsServer.JOIN_SERVER, TtsServer.IDENTITY_SERVER);

  private final RegistryCalls calls;
  private final Map<TtsServer, FieldMask> masks;
  private final MergePlan plan;
  private final boolean sequential;
  private final ProfileIdsField profileIds;

  /**
   * A merged device, whether the Join Server holds it, and the MAC settings profile the NS binds
   * it to (its own {@code mac_settings} are then empty).
   */
  public record Read(EndDevice device, boolean onJoinServer, Optional<ProfileBinding> profile) {}

  /**
   * @param deployment "source" or "target", for messages
   * @param withCacs whether claim authentication codes are read
   * @param sequential whether each call waits for the one before it
   */
  public DeviceRegistries(RegistryCalls calls, String deployment, boolean withCacs,
      boolean sequential) {
    this.calls = calls;
    this.masks = getMasks(withCacs);
    this.plan = MergePlan.of(FieldMaskTable.bundled(), masks);
    this.sequential = sequential;
    this.profileIds = new ProfileIdsField(deployment);
  }

  static Map<TtsServer, FieldMask> getMasks(boolean withCacs) {
    Map<TtsServer, FieldMask> masks = new EnumMap<>(TtsServer.class);
    for (TtsServer server : TtsServer.values()) {
      FieldMask.Builder mask = FieldMask.newBuilder();
      for (String path : FieldMaskTable.bundled().topLevel(server.getMethod().getFullMethodName())) {
        if (withCacs || !path.equals(CLAIM_AUTHENTICATION_CODE)) {
          mask.addPaths(path);
        }
      }
      masks.put(server, mask.build());
    }
    return masks;
  }

  /** Reads the device; fails with the first server's error, except the Join Server's NotFound. */
  public CompletableFuture<Read> read(DeviceRef ref, String what) {
    return read(ref, what, EnumSet.of(TtsServer.JOIN_SERVER));
  }

  /**
   * Reads the device; a server of {@code mayLack} that does not hold it is left out, as for a
   * device created half-way; any other failure fails the read.
   */
  public CompletableFuture<Read> read(DeviceRef ref, String what, Set<TtsServer> mayLack) {
    List<CompletableFuture<DevicePart>> parts = new ArrayList<>();
    CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
    for (TtsServer server : TtsServer.values()) {
      CompletableFuture<DevicePart> part = sequential
          ? previous.thenCompose(ignored -> readPart(ref, server, what, mayLack))
          : readPart(ref, server, what, mayLack);
      parts.add(part);
      previous = part;
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> {
          List<DevicePart> answered =
              parts.stream().map(CompletableFuture::join).filter(p -> p != null).toList();
          boolean onJoinServer = answered.stream()
              .anyMatch(part -> part.server() == TtsServer.JOIN_SERVER);
          Optional<ProfileBinding> profile = answered.stream()
              .flatMap(part -> part.profile().stream()).findFirst()
              .map(ids -> new ProfileBinding(profileIds.number(), ids));
          return new Read(DeviceMerger.merge(ref, plan, answered), onJoinServer, profile);
        });
  }

  /** Whether the Identity Server holds the device: a Get of its identifiers only. */
  public CompletableFuture<Boolean> exists(DeviceRef ref, String what) {
    GetEndDeviceRequest request = GetEndDeviceRequest.newBuilder()
        .setEndDeviceIds(ids(ref))
        .setFieldMask(FieldMask.newBuilder().addPaths("ids"))
        .build();
    CompletableFuture<Boolean> exists = calls.call(TtsServer.IDENTITY_SERVER,
            TtsServer.IDENTITY_SERVER.getMethod(), request, what)
        .thenApply(answer -> true);
    return TtsCallException.orIfNotFound(exists, false);
  }

  /**
   * One server's answer, refused when it carries a field unknown to this tool; the NS is also
   * asked for the device's profile (see {@link ProfileIdsField}).
   */
  private CompletableFuture<DevicePart> readPart(DeviceRef ref, TtsServer server, String what,
      Set<TtsServer> mayLack) {
    boolean ns = server == TtsServer.NETWORK_SERVER;
    FieldMask mask = ns ? profileIds.withPath(masks.get(server)) : masks.get(server);
    return get(ref, server, mask, what)
        .thenCompose(answer -> {
          if (ns) {
            return profileIds.part(ref, answer,
                () -> get(ref, server, ProfileIdsField.ALONE, what), what);
          }
          UnknownFields.refuse(answer, what + ": the " + server.shortName() + "'s answer");
          return CompletableFuture.completedFuture(new DevicePart(server, answer));
        })
        .handle((part, failure) -> {
          if (failure == null) {
            return CompletableFuture.completedFuture(part);
          }
          if (ns && profileIds.refusedBy(failure)) {
            return readPart(ref, server, what, mayLack);
          }
          RuntimeException cause = Futures.unwrap(failure);
          if (mayLack.contains(server) && cause instanceof TtsCallException call
              && call.isNotFound()) {
            return CompletableFuture.<DevicePart>completedFuture(null);
          }
          throw cause;
        })
        .thenCompose(part -> part);
  }

  private CompletableFuture<EndDevice> get(DeviceRef ref, TtsServer server, FieldMask mask,
      String what) {
    GetEndDeviceRequest request = GetEndDeviceRequest.newBuilder()
        .setEndDeviceIds(ids(ref))
        .setFieldMask(mask)
        .build();
    return calls.call(server, server.getMethod(), request, what)
        .thenApply(RetryingCalls.Answer::message);
  }

  /** Deletes the device from AS, NS, JS and last IS; a server that does not hold it is skipped. */
  public CompletableFuture<Void> delete(DeviceRef ref, String what) {
    CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
    for (TtsServer server : DELETE_ORDER) {
      done = done.thenCompose(ignored -> deleteFrom(ref, server, what));
    }
    return done;
  }

  private CompletableFuture<Void> deleteFrom(DeviceRef ref, TtsServer server, String what) {
    return calls.call(server, server.deleteMethod(), ids(ref), what)
        .<Void>thenApply(answer -> null)
        .exceptionally(failure -> {
          RuntimeException cause = Futures.unwrap(failure);
          if (cause instanceof TtsCallException call && call.isNotFound()) {
            log.debug("device {}: not on the {}", ref, server.shortName());
            return null;
          }
          throw cause;
        });
  }

  public static EndDeviceIdentifiers ids(DeviceRef ref) {
    return EndDeviceIdentifiers.newBuilder()
        .setDeviceId(ref.deviceId())
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(ref.applicationId()))
        .build();
  }
}
