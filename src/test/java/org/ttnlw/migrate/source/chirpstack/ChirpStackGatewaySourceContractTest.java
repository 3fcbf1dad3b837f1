package org.ttnlw.migrate.source.chirpstack;

import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.gatewayEui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.GatewaySourceContract;
import picocli.CommandLine;

/** ChirpStack's gateways against the simulator over gRPC with TLS, with an admin key. */
class ChirpStackGatewaySourceContractTest extends GatewaySourceContract {
  private static final String KEY = "contract-admin-key-do-not-log";
  private ChirpStackSimulator simulator;

  ChirpStackGatewaySourceContractTest() {
    super(true);
  }

  @BeforeEach
  void start() throws Exception {
    simulator = ChirpStackSimulator.builder().adminKey(KEY).tls(true).start();
    SampleChirpStack.seedGateways(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Override
  protected GatewaySource connect() {
    ChirpStackSourcePlugin plugin = new ChirpStackSourcePlugin();
    ChirpStackOptions options = plugin.newOptions();
    new CommandLine(options).parseArgs("--api-url", simulator.address(), "--api-key", KEY,
        "--ca-file", simulator.caFile().toString(), "--frequency-plan-id", "EU_863_870");
    return plugin.openGateways(options, CONTEXT);
  }

  @Override
  protected List<String> listedIds() {
    return List.of(gatewayEui(1), gatewayEui(2), gatewayEui(3), gatewayEui(4));
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of(gatewayEui(3).toUpperCase(Locale.ROOT), gatewayEui(3), gatewayEui(1),
        gatewayEui(1));
  }

  @Override
  protected String missingId() {
    return gatewayEui(99);
  }

  @Override
  protected boolean isDeleted(GatewayRef gateway) {
    return simulator.gateway(gateway.id()).isEmpty();
  }
}
