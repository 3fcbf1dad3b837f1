package org.ttnlw.migrate.sim;

import io.grpc.CallCredentials;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ttnlw.migrate.proto.AsEndDeviceRegistryGrpc.AsEndDeviceRegistryBlockingStub;
import org.ttnlw.migrate.proto.AsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc.EndDeviceRegistryBlockingStub;
import org.ttnlw.migrate.proto.EndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.GatewayAccessGrpc.GatewayAccessBlockingStub;
import org.ttnlw.migrate.proto.GatewayAccessGrpc;
import org.ttnlw.migrate.proto.GatewayClaimingServerGrpc.GatewayClaimingServerBlockingStub;
import org.ttnlw.migrate.proto.GatewayClaimingServerGrpc;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc.GatewayRegistryBlockingStub;
import org.ttnlw.migrate.proto.GatewayRegistryGrpc;
import org.ttnlw.migrate.proto.GsGrpc.GsBlockingStub;
import org.ttnlw.migrate.proto.GsGrpc;
import org.ttnlw.migrate.proto.JsEndDeviceRegistryGrpc.JsEndDeviceRegistryBlockingStub;
import org.ttnlw.migrate.proto.JsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc.NsEndDeviceRegistryBlockingStub;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc;

/**
 * A test client of the simulator: plain generated blocking stubs that send an API key, on a channel
 * that remembers the response headers of the last call.
 */
final class SimulatorClient implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ManagedChannel channel;
  private final CallCredentials credentials;
  private final AtomicReference<Metadata> lastHeaders = new AtomicReference<>();

  SimulatorClient(TtsSimulator simulator, ChannelCredentials channelCredentials, String apiKey) {
    channel = Grpc.newChannelBuilder(simulator.address(), channelCredentials).build();
    credentials = bearer(apiKey);
  }

  /** A plaintext client; {@code apiKey} may be null to send no key at all. */
  static SimulatorClient plaintext(TtsSimulator simulator, String apiKey) {
    return new SimulatorClient(simulator, InsecureChannelCredentials.create(), apiKey);
  }

  ManagedChannel channel() {
    return channel;
  }

  EndDeviceRegistryBlockingStub is() {
    return configure(EndDeviceRegistryGrpc.newBlockingStub(channel));
  }

  JsEndDeviceRegistryBlockingStub js() {
    return configure(JsEndDeviceRegistryGrpc.newBlockingStub(channel));
  }

  AsEndDeviceRegistryBlockingStub as() {
    return configure(AsEndDeviceRegistryGrpc.newBlockingStub(channel));
  }

  NsEndDeviceRegistryBlockingStub ns() {
    return configure(NsEndDeviceRegistryGrpc.newBlockingStub(channel));
  }

  GatewayRegistryBlockingStub gatewayRegistry() {
    return configure(GatewayRegistryGrpc.newBlockingStub(channel));
  }

  GatewayAccessBlockingStub gatewayAccess() {
    return configure(GatewayAccessGrpc.newBlockingStub(channel));
  }

  GsBlockingStub gatewayServer() {
    return configure(GsGrpc.newBlockingStub(channel));
  }

  GatewayClaimingServerBlockingStub gatewayClaiming() {
    return configure(GatewayClaimingServerGrpc.newBlockingStub(channel));
  }

  /** A stub of any kind on this channel, with the key and the header capture. */
  <S extends AbstractStub<S>> S configure(S stub) {
    S capturing =
        stub.withInterceptors(
            MetadataUtils.newCaptureMetadataInterceptor(lastHeaders, new AtomicReference<>()));
    return credentials == null ? capturing : capturing.withCallCredentials(credentials);
  }

  /** The value of a response header of the last call that received headers. */
  String lastHeader(String name) {
    return lastHeaders.get().get(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER));
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static CallCredentials bearer(String apiKey) {
    if (apiKey == null) {
      return null;
    }
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(
          RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + apiKey);
        applier.apply(headers);
      }
    };
  }
}
