package org.ttnlw.migrate.e2e;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;

/**
 * A fresh simulator of the source a documented command reads, holding the devices and
 * applications the docs name, and the environment that points the tool at it (as the
 * README's {@code export} lines do). A source added to the docs adds its case here.
 */
final class DocSimulators {
  private static final String TTS_KEY = "NNSXS.DOC-COMMANDS-KEY";
  private static final String CHIRPSTACK_KEY = "chirpstack-doc-commands-key";

  private DocSimulators() {}

  /** A simulator started for one command. */
  interface Running extends AutoCloseable {
    Map<String, String> environment();

    /** Texts that must never appear in the tool's output. */
    List<String> secrets();

    @Override
    void close();
  }

  static Running start(String command) throws IOException {
    if (command.contains("chirpstack")) {
      return chirpstack();
    }
    if (command.contains("ttnv3") || command.contains("tts ")
        || !command.contains("--source")) {
      return tts();
    }
    throw new AssertionError("no simulator is set up for the documented command `" + command
        + "`: add its source to " + DocSimulators.class.getSimpleName());
  }

  private static Running chirpstack() throws IOException {
    ChirpStackSimulator simulator = ChirpStackSimulator.builder().adminKey(CHIRPSTACK_KEY)
        .tls(true).start();
    SampleChirpStack.seed(simulator);
    SampleChirpStack.putJoinedOtaa(simulator, 0x001c0530);
    SampleChirpStack.putJoinedOtaa(simulator, 0x001c0531);
    return running(simulator::close, CHIRPSTACK_KEY, Map.of(
        "CHIRPSTACK_API_URL", simulator.address(),
        "CHIRPSTACK_API_KEY", CHIRPSTACK_KEY,
        "CHIRPSTACK_CA_FILE", simulator.caFile().toString()));
  }

  private static Running tts() throws IOException {
    TtsSimulator simulator = TtsSimulator.builder().apiKey(TTS_KEY).tls(true).start();
    simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
    simulator.put(SampleDevices.otaaWithSession("my-app", "dev", 1));
    int index = 2;
    for (String id : List.of("sensor-0001", "sensor-0002")) {
      var device = SampleDevices.abp("my-app", id, index++);
      simulator.put(device, SampleDevices.servers(device));
    }
    return running(simulator::close, TTS_KEY, Map.of(
        "TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address(),
        "TTNV3_APP_ID", "my-app",
        "TTNV3_APP_API_KEY", TTS_KEY,
        "TTNV3_CA_FILE", simulator.caFile().toString()));
  }

  private static Running running(Runnable close, String key,
      Map<String, String> environment) {
    return new Running() {
      @Override
      public Map<String, String> environment() {
        return environment;
      }

      @Override
      public List<String> secrets() {
        return List.of(key);
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }
}
