package org.ttnlw.migrate.sim;

import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.Timestamps;
import com.google.protobuf.util.Values;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.EndDevices;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.ListEndDevicesRequest;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;
import org.ttnlw.migrate.sim.CallPipeline.Target;
import org.ttnlw.migrate.sim.Registry.WriteRpc;
import org.ttnlw.migrate.tts.TtsServer;

/** Serves one registry's RPCs from the device store of its server. */
final class RegistryService {

  private final Registry registry;
  private final DeviceStore store;
  private final CallPipeline pipeline;
  private final KeyRights rights;
  private final NewerNsFields newer;

  /** @param newer what the NS adds beyond the project's protos; other registries ignore it */
  RegistryService(Registry registry, DeviceStore store, CallPipeline pipeline, KeyRights rights,
      NewerNsFields newer) {
    this.registry = registry;
    this.store = store;
    this.pipeline = pipeline;
    this.rights = rights;
    this.newer = newer;
  }

  ServerServiceDefinition definition() {
    TtsServer server = registry.server();
    ServerServiceDefinition.Builder service =
        ServerServiceDefinition.builder(server.getMethod().getServiceName())
            .addMethod(
                method(
                    server.getMethod(),
                    request -> Target.of(request.getEndDeviceIds(), request.getFieldMask()),
                    (request, headers) -> get(request)))
            .addMethod(
                method(
                    server.deleteMethod(),
                    ids -> Target.of(ids, FieldMask.getDefaultInstance()),
                    (ids, headers) -> delete(ids)))
            .addMethod(writeMethod(registry.write()));
    registry.list().map(this::listMethod).ifPresent(service::addMethod);
    if (server == TtsServer.IDENTITY_SERVER) {
      service.addMethod(method(EndDeviceRegistryGrpc.getCreateMethod(),
          request -> Target.of(request.getEndDevice().getIds(), FieldMask.getDefaultInstance()),
          (request, headers) -> create(request.getEndDevice())));
    }
    return service.build();
  }

  private <ReqT> ServerMethodDefinition<ReqT, EndDevice> writeMethod(WriteRpc<ReqT> write) {
    return method(
        write.method(),
        request ->
            Target.of(write.device().apply(request).getIds(), write.fieldMask().apply(request)),
        (request, headers) ->
            write(write.method(), write.device().apply(request), write.fieldMask().apply(request)));
  }

  private ServerMethodDefinition<ListEndDevicesRequest, EndDevices> listMethod(
      MethodDescriptor<ListEndDevicesRequest, EndDevices> list) {
    return method(
        list,
        request ->
            new Target(
                request.getApplicationIds().getApplicationId(),
                "",
                request.getFieldMask().getPathsList()),
        (request, headers) -> list(list, request, headers));
  }

  private <ReqT, RespT> ServerMethodDefinition<ReqT, RespT> method(
      MethodDescriptor<ReqT, RespT> method,
      Function<ReqT, Target> target,
      CallPipeline.Handler<ReqT, RespT> handler) {
    return pipeline.method(registry.server(), method, target, (request, headers) -> {
      Target called = target.apply(request);
      rights.checkDevices(method, called.fieldMaskPaths(), called.applicationId());
      return handler.handle(request, headers);
    });
  }

  private EndDevice get(GetEndDeviceRequest request) {
    boolean ns = registry.server() == TtsServer.NETWORK_SERVER;
    boolean binding = ns && newer.asksBinding(request.getFieldMask());
    List<String> paths = permittedPaths(registry.server().getMethod(),
        binding ? NewerNsFields.withoutBinding(request.getFieldMask()) : request.getFieldMask());
    EndDeviceIdentifiers ids = request.getEndDeviceIds();
    EndDevice stored =
        store.get(applicationId(ids), ids.getDeviceId()).orElseThrow(() -> notFound(ids));
    EndDevice selected = DeviceMasks.select(stored, paths);
    return ns ? newer.answer(selected, binding) : selected;
  }

  /**
   * Update on the IS changes a device it holds; Set on NS, AS and JS creates the device there
   * when it holds none, as TTS's registries do.
   */
  private EndDevice write(MethodDescriptor<?, ?> method, EndDevice changes, FieldMask fieldMask) {
    if (registry.server() == TtsServer.NETWORK_SERVER && newer.asksBinding(fieldMask)) {
      return bind(method, changes, fieldMask);
    }
    return writePermitted(method, changes, permittedPaths(method, fieldMask));
  }

  /**
   * A NS Set naming {@code mac_settings_profile_ids}: the other paths written, then the device
   * bound to the profile and its own MAC settings cleared.
   */
  private EndDevice bind(MethodDescriptor<?, ?> method, EndDevice changes, FieldMask fieldMask) {
    List<String> paths = permittedPaths(method, NewerNsFields.withoutBinding(fieldMask));
    MACSettingsProfileIdentifiers profile = newer.bindingOf(changes, paths);
    EndDeviceIdentifiers ids = changes.getIds();
    if (!paths.isEmpty()) {
      writePermitted(method, changes, paths);
    }
    EndDevice updated = store.update(applicationId(ids), ids.getDeviceId(),
            device -> device.toBuilder().clearMacSettings().build())
        .orElseThrow(() -> notFound(ids));
    newer.bind(applicationId(ids), ids.getDeviceId(), profile);
    return newer.answer(DeviceMasks.select(updated, paths), true);
  }

  private EndDevice writePermitted(MethodDescriptor<?, ?> method, EndDevice changes,
      List<String> paths) {
    EndDeviceIdentifiers ids = changes.getIds();
    // An update keeps the identifiers the registry holds (EUIs, DevAddr) where the request's
    // identifiers leave them out, as TTS does.
    UnaryOperator<EndDevice> change =
        stored ->
            DeviceMasks.apply(stored.toBuilder().setIds(stored.getIds().toBuilder().mergeFrom(ids))
                .build(), changes, paths).toBuilder()
                .setUpdatedAt(Timestamps.fromMillis(System.currentTimeMillis()))
                .build();
    if (registry.server() == TtsServer.IDENTITY_SERVER) {
      EndDevice updated =
          store
              .update(applicationId(ids), ids.getDeviceId(), change)
              .orElseThrow(() -> notFound(ids));
      return DeviceMasks.select(updated, paths);
    }
    if (store.get(applicationId(ids), ids.getDeviceId()).isEmpty()) {
      List<String> missing =
          registry.requiredToCreate().stream().filter(path -> !paths.contains(path)).toList();
      if (!missing.isEmpty()) {
        throw TtsError.FIELDS_REQUIRED.toException(
            Map.of("fields", Values.of(missing.stream().map(Values::of).toList())));
      }
    }
    EndDevice updated = store.upsert(applicationId(ids), ids.getDeviceId(), change);
    return DeviceMasks.select(updated, paths);
  }

  /** IS Create: the application must exist, the ID be free and the EUI pair unique. */
  private EndDevice create(EndDevice device) {
    EndDeviceIdentifiers ids = device.getIds();
    if (!store.hasApplication(applicationId(ids))) {
      throw TtsError.APPLICATION_NOT_FOUND.toException(
          Map.of("application_id", Values.of(applicationId(ids))));
    }
    if (store.get(applicationId(ids), ids.getDeviceId()).isPresent()) {
      throw TtsError.ID_TAKEN.toException(Map.of());
    }
    if (!ids.getDevEui().isEmpty()) {
      store.withEuis(ids.getJoinEui(), ids.getDevEui()).ifPresent(holder -> {
        throw TtsError.END_DEVICE_EUIS_TAKEN.toException(Map.of(
            "join_eui", Values.of(hex(ids.getJoinEui())),
            "dev_eui", Values.of(hex(ids.getDevEui())),
            "device_id", Values.of(holder.getIds().getDeviceId()),
            "application_id", Values.of(applicationId(holder.getIds()))));
      });
    }
    long now = System.currentTimeMillis();
    EndDevice created = DeviceMasks.select(device, registry.ownedPaths()).toBuilder()
        .setCreatedAt(Timestamps.fromMillis(now))
        .setUpdatedAt(Timestamps.fromMillis(now))
        .build();
    store.put(created);
    return created;
  }

  private static String hex(com.google.protobuf.ByteString bytes) {
    return java.util.HexFormat.of().withUpperCase().formatHex(bytes.toByteArray());
  }

  private Empty delete(EndDeviceIdentifiers ids) {
    if (!store.remove(applicationId(ids), ids.getDeviceId())) {
      throw notFound(ids);
    }
    return Empty.getDefaultInstance();
  }

  /** One page of the application's devices by device id; the header tells the total. */
  private EndDevices list(
      MethodDescriptor<?, ?> method, ListEndDevicesRequest request, Metadata responseHeaders) {
    List<String> paths = permittedPaths(method, request.getFieldMask());
    String applicationId = request.getApplicationIds().getApplicationId();
    List<EndDevice> devices =
        store
            .list(applicationId)
            .orElseThrow(
                () ->
                    TtsError.APPLICATION_NOT_FOUND.toException(
                        Map.of("application_id", Values.of(applicationId))));
    EndDevices.Builder answer = EndDevices.newBuilder();
    ListPage.of(devices, request.getLimit(), request.getPage(), ListPage.SERVER_DEFAULT,
            responseHeaders).stream()
        .map(device -> DeviceMasks.select(device, paths))
        .forEach(answer::addEndDevices);
    return answer.build();
  }

  private static List<String> permittedPaths(MethodDescriptor<?, ?> method, FieldMask fieldMask) {
    return FieldMaskRules.CURRENT.permitted(method, fieldMask);
  }

  private StatusRuntimeException notFound(EndDeviceIdentifiers ids) {
    return registry
        .notFound()
        .toException(
            Map.of(
                "device_id", Values.of(ids.getDeviceId()),
                "application_id", Values.of(applicationId(ids))));
  }

  private static String applicationId(EndDeviceIdentifiers ids) {
    return ids.getApplicationIds().getApplicationId();
  }
}
