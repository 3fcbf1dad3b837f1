package org.ttnlw.migrate.tts;

import com.google.protobuf.Empty;
import com.google.protobuf.FieldMask;
import io.grpc.MethodDescriptor;
import java.util.function.BiFunction;
import org.ttnlw.migrate.proto.AsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.JsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.SetEndDeviceRequest;
import org.ttnlw.migrate.proto.UpdateEndDeviceRequest;

/**
 * The four TTS servers that each hold part of an end device. They differ only in
 * the registry they serve, so each is described here as data and one client
 * ({@link RegistryCalls}) talks to all of them.
 */
public enum TtsServer {
  IDENTITY_SERVER("IS", "identity-server", EndDeviceRegistryGrpc.getGetMethod(),
      Write.of(EndDeviceRegistryGrpc.getUpdateMethod(), (device, mask) ->
          UpdateEndDeviceRequest.newBuilder().setEndDevice(device).setFieldMask(mask).build()),
      EndDeviceRegistryGrpc.getDeleteMethod()),
  JOIN_SERVER("JS", "join-server", JsEndDeviceRegistryGrpc.getGetMethod(),
      Write.set(JsEndDeviceRegistryGrpc.getSetMethod()), JsEndDeviceRegistryGrpc.getDeleteMethod()),
  APPLICATION_SERVER("AS", "application-server", AsEndDeviceRegistryGrpc.getGetMethod(),
      Write.set(AsEndDeviceRegistryGrpc.getSetMethod()), AsEndDeviceRegistryGrpc.getDeleteMethod()),
  NETWORK_SERVER("NS", "network-server", NsEndDeviceRegistryGrpc.getGetMethod(),
      Write.set(NsEndDeviceRegistryGrpc.getSetMethod()), NsEndDeviceRegistryGrpc.getDeleteMethod());

  /**
   * A server's write RPC (Update on IS, Set elsewhere): requests of different types of the
   * same shape, a device and a field mask.
   */
  public record Write<Q>(MethodDescriptor<Q, EndDevice> method,
      BiFunction<EndDevice, FieldMask, Q> request) {
    static <Q> Write<Q> of(MethodDescriptor<Q, EndDevice> method,
        BiFunction<EndDevice, FieldMask, Q> request) {
      return new Write<>(method, request);
    }

    static Write<SetEndDeviceRequest> set(MethodDescriptor<SetEndDeviceRequest, EndDevice> method) {
      return of(method, (device, mask) ->
          SetEndDeviceRequest.newBuilder().setEndDevice(device).setFieldMask(mask).build());
    }
  }

  private final String shortName;
  private final String flagName;
  private final MethodDescriptor<GetEndDeviceRequest, EndDevice> get;
  private final Write<?> write;
  private final MethodDescriptor<EndDeviceIdentifiers, Empty> delete;

  TtsServer(String shortName, String flagName,
      MethodDescriptor<GetEndDeviceRequest, EndDevice> get, Write<?> write,
      MethodDescriptor<EndDeviceIdentifiers, Empty> delete) {
    this.shortName = shortName;
    this.flagName = flagName;
    this.get = get;
    this.write = write;
    this.delete = delete;
  }

  /** "IS", "JS", "AS" or "NS", as TTS documentation abbreviates the server. */
  public String shortName() {
    return shortName;
  }

  /** The server's part of the address flag, as in {@code --identity-server-grpc-address}. */
  public String flagName() {
    return flagName;
  }

  public MethodDescriptor<GetEndDeviceRequest, EndDevice> getMethod() {
    return get;
  }

  public Write<?> write() {
    return write;
  }

  public MethodDescriptor<EndDeviceIdentifiers, Empty> deleteMethod() {
    return delete;
  }
}
