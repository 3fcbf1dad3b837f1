package org.ttnlw.migrate.sim;

import com.google.protobuf.FieldMask;
import io.grpc.MethodDescriptor;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ttnlw.migrate.proto.AsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.EndDevices;
import org.ttnlw.migrate.proto.JsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.ListEndDevicesRequest;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.SetEndDeviceRequest;
import org.ttnlw.migrate.proto.UpdateEndDeviceRequest;
import org.ttnlw.migrate.tts.FieldMaskTable;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * The four end-device registries as data: the RPCs each serves beyond Get and Delete (which {@link
 * TtsServer} describes) and how each answers for a missing device.
 */
enum Registry {
  IDENTITY_SERVER(
      TtsServer.IDENTITY_SERVER,
      WriteRpc.update(EndDeviceRegistryGrpc.getUpdateMethod()),
      Optional.of(EndDeviceRegistryGrpc.getListMethod()),
      TtsError.END_DEVICE_NOT_FOUND),
  JOIN_SERVER(
      TtsServer.JOIN_SERVER,
      WriteRpc.set(JsEndDeviceRegistryGrpc.getSetMethod()),
      Optional.empty(),
      TtsError.ENTITY_NOT_FOUND),
  APPLICATION_SERVER(
      TtsServer.APPLICATION_SERVER,
      WriteRpc.set(AsEndDeviceRegistryGrpc.getSetMethod()),
      Optional.empty(),
      TtsError.ENTITY_NOT_FOUND),
  NETWORK_SERVER(
      TtsServer.NETWORK_SERVER,
      WriteRpc.set(NsEndDeviceRegistryGrpc.getSetMethod()),
      Optional.empty(),
      TtsError.ENTITY_NOT_FOUND);

  private final TtsServer server;
  private final WriteRpc<?> write;
  private final Optional<MethodDescriptor<ListEndDevicesRequest, EndDevices>> list;
  private final TtsError notFound;
  private final Set<String> ownedPaths;

  Registry(
      TtsServer server,
      WriteRpc<?> write,
      Optional<MethodDescriptor<ListEndDevicesRequest, EndDevices>> list,
      TtsError notFound) {
    this.server = server;
    this.write = write;
    this.list = list;
    this.notFound = notFound;
    this.ownedPaths = FieldMaskTable.bundled().leaves(server.getMethod().getFullMethodName());
  }

  static Registry of(TtsServer server) {
    return Arrays.stream(values())
        .filter(registry -> registry.server == server)
        .findFirst()
        .orElseThrow();
  }

  TtsServer server() {
    return server;
  }

  /** Set on NS, AS and JS; Update on IS. */
  WriteRpc<?> write() {
    return write;
  }

  /** List, which only the Identity Server has. */
  Optional<MethodDescriptor<ListEndDevicesRequest, EndDevices>> list() {
    return list;
  }

  TtsError notFound() {
    return notFound;
  }

  /** What a Set must name to create a device the server does not hold yet. */
  List<String> requiredToCreate() {
    return server == TtsServer.NETWORK_SERVER
        ? List.of("frequency_plan_id", "lorawan_version", "lorawan_phy_version")
        : List.of();
  }

  /** The fields of a device this server stores: the most specific paths its Get allows. */
  Set<String> ownedPaths() {
    return ownedPaths;
  }

  /**
   * A registry's write RPC. Set and Update take different request types of the same shape, a device
   * and a field mask.
   */
  record WriteRpc<ReqT>(
      MethodDescriptor<ReqT, EndDevice> method,
      Function<ReqT, EndDevice> device,
      Function<ReqT, FieldMask> fieldMask) {

    static WriteRpc<SetEndDeviceRequest> set(
        MethodDescriptor<SetEndDeviceRequest, EndDevice> method) {
      return new WriteRpc<>(
          method, SetEndDeviceRequest::getEndDevice, SetEndDeviceRequest::getFieldMask);
    }

    static WriteRpc<UpdateEndDeviceRequest> update(
        MethodDescriptor<UpdateEndDeviceRequest, EndDevice> method) {
      return new WriteRpc<>(
          method, UpdateEndDeviceRequest::getEndDevice, UpdateEndDeviceRequest::getFieldMask);
    }
  }
}
