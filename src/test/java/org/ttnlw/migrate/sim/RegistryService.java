package org.ttnlw.migrate.sim;

import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Value;
import com.google.protobuf.util.Timestamps;
import com.google.protobuf.util.Values;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.EndDevices;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.ListEndDevicesRequest;
import org.ttnlw.migrate.sim.CallPipeline.Target;
import org.ttnlw.migrate.sim.Registry.WriteRpc;
import org.ttnlw.migrate.tts.FieldMaskTable;
import org.ttnlw.migrate.tts.TtsServer;

/** Serves one registry's RPCs from the device store of its server. */
final class RegistryService {
  private static final Metadata.Key<String> TOTAL_COUNT =
      Metadata.Key.of("x-total-count", Metadata.ASCII_STRING_MARSHALLER);

  private final Registry registry;
  private final DeviceStore store;
  private final CallPipeline pipeline;

  RegistryService(Registry registry, DeviceStore store, CallPipeline pipeline) {
    this.registry = registry;
    this.store = store;
    this.pipeline = pipeline;
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
    return pipeline.method(registry.server(), method, target, handler);
  }

  private EndDevice get(GetEndDeviceRequest request) {
    List<String> paths = permittedPaths(registry.server().getMethod(), request.getFieldMask());
    EndDeviceIdentifiers ids = request.getEndDeviceIds();
    EndDevice stored =
        store.get(applicationId(ids), ids.getDeviceId()).orElseThrow(() -> notFound(ids));
    return DeviceMasks.select(stored, paths);
  }

  private EndDevice write(MethodDescriptor<?, ?> method, EndDevice changes, FieldMask fieldMask) {
    List<String> paths = permittedPaths(method, fieldMask);
    EndDeviceIdentifiers ids = changes.getIds();
    EndDevice updated =
        store
            .update(
                applicationId(ids),
                ids.getDeviceId(),
                stored ->
                    DeviceMasks.apply(stored, changes, paths).toBuilder()
                        .setUpdatedAt(Timestamps.fromMillis(System.currentTimeMillis()))
                        .build())
            .orElseThrow(() -> notFound(ids));
    return DeviceMasks.select(updated, paths);
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
    responseHeaders.put(TOTAL_COUNT, Integer.toString(devices.size()));
    long limit =
        request.getLimit() == 0 ? devices.size() : Integer.toUnsignedLong(request.getLimit());
    long page = Math.max(1, Integer.toUnsignedLong(request.getPage()));
    EndDevices.Builder answer = EndDevices.newBuilder();
    devices.stream()
        .skip((page - 1) * limit)
        .limit(limit)
        .map(device -> DeviceMasks.select(device, paths))
        .forEach(answer::addEndDevices);
    return answer.build();
  }

  /** The mask's paths if the method allows them all, as TTS checks before handling a call. */
  private static List<String> permittedPaths(MethodDescriptor<?, ?> method, FieldMask fieldMask) {
    Set<String> allowed = FieldMaskTable.bundled().allowed(method.getFullMethodName());
    List<Value> forbidden =
        fieldMask.getPathsList().stream()
            .filter(path -> !allowed.contains(path))
            .map(Values::of)
            .toList();
    if (!forbidden.isEmpty()) {
      throw TtsError.FORBIDDEN_FIELD_MASK_PATHS.toException(
          Map.of("forbidden_paths", Values.of(forbidden)));
    }
    return fieldMask.getPathsList();
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
