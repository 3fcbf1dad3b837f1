package org.ttnlw.migrate.source.tts;

import com.google.protobuf.Empty;
import io.grpc.MethodDescriptor;
import org.ttnlw.migrate.proto.AsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.JsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc;

/**
 * The four TTS servers that each hold part of an end device. They differ only in
 * the registry they serve, so each is described here as data and one client
 * ({@link RegistryCalls}) talks to all of them.
 */
public enum TtsServer {
  IDENTITY_SERVER("IS", "identity-server", EndDeviceRegistryGrpc.getGetMethod(),
      EndDeviceRegistryGrpc.getDeleteMethod()),
  JOIN_SERVER("JS", "join-server", JsEndDeviceRegistryGrpc.getGetMethod(),
      JsEndDeviceRegistryGrpc.getDeleteMethod()),
  APPLICATION_SERVER("AS", "application-server", AsEndDeviceRegistryGrpc.getGetMethod(),
      AsEndDeviceRegistryGrpc.getDeleteMethod()),
  NETWORK_SERVER("NS", "network-server", NsEndDeviceRegistryGrpc.getGetMethod(),
      NsEndDeviceRegistryGrpc.getDeleteMethod());

  private final String shortName;
  private final String flagName;
  private final MethodDescriptor<GetEndDeviceRequest, EndDevice> get;
  private final MethodDescriptor<EndDeviceIdentifiers, Empty> delete;

  TtsServer(String shortName, String flagName,
      MethodDescriptor<GetEndDeviceRequest, EndDevice> get,
      MethodDescriptor<EndDeviceIdentifiers, Empty> delete) {
    this.shortName = shortName;
    this.flagName = flagName;
    this.get = get;
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

  public MethodDescriptor<EndDeviceIdentifiers, Empty> deleteMethod() {
    return delete;
  }
}
