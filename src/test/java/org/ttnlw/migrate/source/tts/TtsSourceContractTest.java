package org.ttnlw.migrate.source.tts;

import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceContract;
import org.ttnlw.migrate.tts.TtsServer;

/** The TTS source against the TTS simulator over gRPC with TLS: disables downlinks, deletes. */
class TtsSourceContractTest extends SourceContract {
  private static final String KEY = "NNSXS.CONTRACT-KEY-DO-NOT-LOG";
  private TtsSimulator simulator;

  TtsSourceContractTest() {
    super(Change.DONE, Change.DONE);
  }

  @BeforeEach
  void start() throws Exception {
    simulator = TtsSimulator.builder().apiKey(KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "zeta", 1));
    EndDevice abp = SampleDevices.abp("my-app", "alpha", 2);
    simulator.put(abp, SampleDevices.servers(abp));
    simulator.put(SampleDevices.otaaNotJoined("my-app", "mid", 3));
    simulator.put(SampleDevices.otaaWithSession("other-app", "beta", 4));
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  @Override
  protected Source connect() {
    return open(new TtsSourcePlugin(), "--app-id", "my-app", "--app-api-key", KEY,
        "--default-grpc-address", simulator.address(), "--ca-file",
        simulator.caFile().toString());
  }

  @Override
  protected Iterator<DeviceRef> list(Source source) {
    return source.listDevices("my-app");
  }

  @Override
  protected List<String> listedIds() {
    return List.of("alpha", "mid", "zeta");
  }

  @Override
  protected Map<String, String> operatorSpellings() {
    return Map.of("zeta", "zeta", "alpha", "alpha");
  }

  @Override
  protected String missingId() {
    return "not-there";
  }

  @Override
  protected boolean isDisabled(DeviceRef device) {
    return simulator.stored(TtsServer.NETWORK_SERVER, device.applicationId(), device.deviceId())
        .map(stored -> stored.getMacSettings().hasScheduleDownlinks()
            && !stored.getMacSettings().getScheduleDownlinks().getValue())
        .orElse(false);
  }

  @Override
  protected boolean isDeleted(DeviceRef device) {
    return EnumSet.allOf(TtsServer.class).stream().allMatch(server -> simulator.stored(server,
        device.applicationId(), device.deviceId()).isEmpty());
  }
}
