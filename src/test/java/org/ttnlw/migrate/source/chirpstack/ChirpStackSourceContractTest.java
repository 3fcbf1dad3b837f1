package org.ttnlw.migrate.source.chirpstack;

import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.devEui;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceContract;

/** The ChirpStack source against the ChirpStack simulator over gRPC with TLS. */
class ChirpStackSourceContractTest extends SourceContract {
  private static final String KEY = "contract-admin-key-do-not-log";
  private ChirpStackSimulator simulator;

  ChirpStackSourceContractTest() {
    super(Change.DONE, Change.DONE);
  }

  @BeforeEach
  void start() throws Exception {
    simulator = ChirpStackSimulator.builder().adminKey(KEY).tls(true).start();
    SampleChirpStack.seed(simulator);
    for (int index : new int[] {3, 1, 2}) {
      SampleChirpStack.putJoinedOtaa(simulator, index);
    }
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Override
  protected Source connect() {
    return open(new ChirpStackSourcePlugin(), "--api-url", simulator.address(), "--api-key", KEY,
        "--ca-file", simulator.caFile().toString());
  }

  @Override
  protected Iterator<DeviceRef> list(Source source) {
    return source.listDevices(SampleChirpStack.APPLICATION);
  }

  @Override
  protected List<String> listedIds() {
    return List.of(devEui(1), devEui(2), devEui(3));
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of(devEui(2).toUpperCase(Locale.ROOT), devEui(2), devEui(3), devEui(3));
  }

  @Override
  protected String missingId() {
    return devEui(99);
  }

  @Override
  protected boolean isDisabled(DeviceRef device) {
    return simulator.device(device.deviceId()).map(stored -> stored.getIsDisabled()).orElse(false);
  }

  @Override
  protected boolean isDeleted(DeviceRef device) {
    return simulator.device(device.deviceId()).isEmpty();
  }
}
