package org.ttnlw.migrate.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.base.Throwables;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.EndDeviceIdentifiers;
import org.ttnlw.migrate.proto.GetEndDeviceRequest;
import org.ttnlw.migrate.proto.NsEndDeviceRegistryGrpc;
import org.ttnlw.migrate.sim.ThrowawayCa;
import org.ttnlw.migrate.sim.ThrowawayCa.ServerIdentity;
import org.ttnlw.migrate.sim.TtsSimulator;

class GrpcChannelsTest {
  private TtsSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey("NNSXS.TESTKEYID.TESTKEYSECRET").tls(true).start();
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Test
  void callsOverTlsTrustingTheCaFile() {
    try (GrpcChannels channels = new GrpcChannels(TrustSettings.from(false, simulator.caFile()))) {
      StatusRuntimeException answer = assertThrows(StatusRuntimeException.class,
          () -> get(channels.open(simulator.address())));
      assertEquals(Status.Code.UNAUTHENTICATED, answer.getStatus().getCode(), answer::toString);
    }
  }

  @Test
  void refusesAServerTheCaFileDoesNotVouchFor() throws Exception {
    try (TtsSimulator other = TtsSimulator.builder().apiKey("NNSXS.TESTKEYID.TESTKEYSECRET").tls(true).start();
        GrpcChannels channels = new GrpcChannels(TrustSettings.from(false, other.caFile()))) {
      StatusRuntimeException answer = assertThrows(StatusRuntimeException.class,
          () -> get(channels.open(simulator.address())));
      assertEquals(Status.Code.UNAVAILABLE, answer.getStatus().getCode(), answer::toString);
    }
  }

  @Test
  void refusesACertificateForAnotherHost() throws Exception {
    ServerIdentity elsewhere = ThrowawayCa.issueFor("elsewhere.example");
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0),
        elsewhere.serverCredentials()).build().start();
    Path caFile = elsewhere.writeCaFile("elsewhere-ca-");
    try (GrpcChannels channels = new GrpcChannels(TrustSettings.from(false, caFile))) {
      StatusRuntimeException answer = assertThrows(StatusRuntimeException.class,
          () -> get(channels.open("127.0.0.1:" + server.getPort())));
      assertEquals(Status.Code.UNAVAILABLE, answer.getStatus().getCode(), answer::toString);
      assertTrue(TlsTrouble.advice(answer, false, "--").contains("another host name"),
          () -> Throwables.getStackTraceAsString(answer));
    } finally {
      server.shutdownNow();
      Files.delete(caFile);
    }
  }

  @Test
  void closeEndsTheNetworkThreads() {
    GrpcChannels channels = new GrpcChannels(TrustSettings.from(false, simulator.caFile()));
    assertThrows(StatusRuntimeException.class, () -> get(channels.open(simulator.address())));
    assertEquals(false, networkThreads().isEmpty());
    channels.close();
    // The JVM's exit waits up to 0.3 s for a thread that waits in the kernel, as an idle
    // network thread does.
    assertEquals(List.of(), networkThreads());
  }

  private static List<String> networkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("grpc-network"))
        .toList();
  }

  private static void get(ManagedChannel channel) {
    NsEndDeviceRegistryGrpc.newBlockingStub(channel).get(GetEndDeviceRequest.newBuilder()
        .setEndDeviceIds(EndDeviceIdentifiers.newBuilder().setDeviceId("some-device")
            .setApplicationIds(ApplicationIdentifiers.newBuilder().setApplicationId("some-app")))
        .build());
  }
}
