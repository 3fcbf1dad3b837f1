package org.ttnlw.migrate.source.tts;

import com.google.protobuf.FieldMask;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.BoolValue;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.SetEndDeviceRequest;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Futures;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceConfigException;
import org.ttnlw.migrate.source.SourceContext;

/** Reads devices from The Things Stack's four registries over gRPC and merges them. */
final class TtsSource implements Source {
  private static final Logger log = LoggerFactory.getLogger(TtsSource.class);
  private static final String CLAIM_AUTHENTICATION_CODE = "claim_authentication_code";
  private static final FieldMask SCHEDULE_DOWNLINKS =
      FieldMask.newBuilder().addPaths("mac_settings.schedule_downlinks").build();
  /** Servers in the order a device is deleted from them: the Identity Server last. */
  private static final List<TtsServer> DELETE_ORDER = List.of(TtsServer.APPLICATION_SERVER,
      TtsServer.NETWORK_SERVER, TtsServer.JOIN_SERVER, TtsServer.IDENTITY_SERVER);

  private final TtsConfig config;
  private final RegistryCalls calls;
  private final Map<TtsServer, FieldMask> getMasks;
  private final MergePlan mergePlan;
  private final boolean sequential;

  TtsSource(TtsConfig config, SourceContext context) {
    this.config = config;
    this.calls = new RegistryCalls(new TtsChannels(config.addresses(), config.trust()),
        new ApiKeyCredentials(config.apiKey(), config.trust().plaintext()), context);
    this.getMasks = getMasks(config.exportCacs());
    this.mergePlan = MergePlan.of(FieldMaskTable.bundled(), getMasks);
    this.sequential = context.concurrency() == 1;
  }

  static Map<TtsServer, FieldMask> getMasks(boolean exportCacs) {
    Map<TtsServer, FieldMask> masks = new EnumMap<>(TtsServer.class);
    for (TtsServer server : TtsServer.values()) {
      FieldMask.Builder mask = FieldMask.newBuilder();
      for (String path : FieldMaskTable.bundled().topLevel(server.getMethod().getFullMethodName())) {
        if (exportCacs || !path.equals(CLAIM_AUTHENTICATION_CODE)) {
          mask.addPaths(path);
        }
      }
      masks.put(server, mask.build());
    }
    return masks;
  }

  @Override
  public DeviceRef resolve(String deviceId) {
    String appId = config.appId().orElseThrow(() -> new SourceConfigException(
        "no application ID for device " + deviceId + ": set --app-id (or TTNV3_APP_ID)"));
    return new DeviceRef(appId, deviceId);
  }

  @Override
  public Iterator<DeviceRef> listDevices(String applicationId) {
    return new DeviceLister(calls, applicationId);
  }

  @Override
  public CompletableFuture<EndDevice> fetch(DeviceRef ref) {
    List<CompletableFuture<DevicePart>> parts = new ArrayList<>();
    CompletableFuture<?> previous = CompletableFuture.completedFuture(null);
    for (TtsServer server : TtsServer.values()) {
      CompletableFuture<DevicePart> part = sequential
          ? previous.thenCompose(ignored -> fetchPart(ref, server))
          : fetchPart(ref, server);
      parts.add(part);
      previous = part;
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> DeviceMerger.merge(ref, mergePlan,
            parts.stream().map(CompletableFuture::join).filter(p -> p != null).toList()));
  }

  private CompletableFuture<DevicePart> fetchPart(DeviceRef ref, TtsServer server) {
    FieldMask mask = getMasks.get(server);
    GetEndDeviceRequest request = GetEndDeviceRequest.newBuilder()
        .setEndDeviceIds(ids(ref))
        .setFieldMask(mask)
        .build();
    return calls.call(server, server.getMethod(), request, "device " + ref)
        .thenApply(answer -> new DevicePart(server, answer.message()))
        .exceptionally(recoverAbsentFromJoinServer(ref, server));
  }

  private static Function<Throwable, DevicePart> recoverAbsentFromJoinServer(
      DeviceRef ref, TtsServer server) {
    return failure -> {
      RuntimeException cause = Futures.unwrap(failure);
      if (server == TtsServer.JOIN_SERVER && cause instanceof TtsCallException call
          && call.isNotFound()) {
        log.warn("device {}: not on the Join Server (ABP, or its Join Server is external);"
            + " exporting without root keys", ref);
        return null;
      }
      throw cause;
    };
  }

  @Override
  public CompletableFuture<Void> disable(DeviceRef ref) {
    EndDevice device = EndDevice.newBuilder()
        .setIds(ids(ref))
        .setMacSettings(MACSettings.newBuilder()
            .setScheduleDownlinks(BoolValue.newBuilder().setValue(false)))
        .build();
    SetEndDeviceRequest request = SetEndDeviceRequest.newBuilder()
        .setEndDevice(device)
        .setFieldMask(SCHEDULE_DOWNLINKS)
        .build();
    return calls.call(TtsServer.NETWORK_SERVER, NsEndDeviceRegistryGrpc.getSetMethod(), request,
            "disabling downlinks of device " + ref)
        .thenApply(answer -> null);
  }

  @Override
  public CompletableFuture<Void> delete(DeviceRef ref) {
    CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
    for (TtsServer server : DELETE_ORDER) {
      done = done.thenCompose(ignored -> deleteFrom(ref, server));
    }
    return done;
  }

  private CompletableFuture<Void> deleteFrom(DeviceRef ref, TtsServer server) {
    return calls.call(server, server.deleteMethod(), ids(ref), "deleting device " + ref)
        .<Void>thenApply(answer -> null)
        .exceptionally(failure -> {
          RuntimeException cause = Futures.unwrap(failure);
          if (cause instanceof TtsCallException call && call.isNotFound()) {
            log.debug("device {}: already gone from the {}", ref, server.shortName());
            return null;
          }
          throw cause;
        });
  }

  private static EndDeviceIdentifiers ids(DeviceRef ref) {
    return EndDeviceIdentifiers.newBuilder()
        .setDeviceId(ref.deviceId())
        .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId(ref.applicationId()))
        .build();
  }

  @Override
  public void close() {
    calls.close();
  }
}
