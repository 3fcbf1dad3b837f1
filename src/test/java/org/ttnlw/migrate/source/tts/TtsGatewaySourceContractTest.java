package org.ttnlw.migrate.source.tts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.SampleGateways;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.GatewaySourceContract;
import picocli.CommandLine;

/** The TTS gateway source against the TTS simulator over gRPC with TLS, with a user's key. */
class TtsGatewaySourceContractTest extends GatewaySourceContract {
  private static final String KEY = "NNSXS.CONTRACT-GATEWAY-KEY";
  private TtsSimulator simulator;

  TtsGatewaySourceContractTest() {
    super(true);
  }

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey("NNSXS.DEVICES-UNUSED").tls(true).start();
    simulator.addGatewayKey(KEY, "user:alice", Set.of(Right.RIGHT_ALL));
    SampleGateways.seed(simulator, "user:alice");
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Override
  protected GatewaySource connect() {
    TtsSourcePlugin plugin = new TtsSourcePlugin();
    TtsOptions options = plugin.newOptions();
    new CommandLine(options).parseArgs("--gateway-api-key", KEY, "--default-grpc-address",
        simulator.address(), "--ca-file", simulator.caFile().toString(), "--with-secrets");
    return plugin.openGateways(options, CONTEXT);
  }

  @Override
  protected List<String> listedIds() {
    return List.of("dragino-lps8-office", "kerlink-istation-hill", "multitech-conduit-roof",
        "rak7268-warehouse");
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of("rak7268-warehouse", "rak7268-warehouse");
  }

  @Override
  protected String missingId() {
    return "not-a-gateway-here";
  }

  @Override
  protected boolean isDeleted(GatewayRef gateway) {
    return simulator.isDeleted(gateway.id()) || simulator.gateway(gateway.id()).isEmpty();
  }
}
