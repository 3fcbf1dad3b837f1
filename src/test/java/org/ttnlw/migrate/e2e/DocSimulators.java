package org.ttnlw.migrate.e2e;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * A fresh simulator of the source a documented command reads, holding the devices and
 * applications the docs name, and the environment that points the tool at it (as the
 * README's {@code export} lines do). A source added to the docs adds its case here.
 */
final class DocSimulators {
  private static final String TTS_KEY = "NNSXS.DOC-COMMANDS-KEY";

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
    if (command.contains("ttnv3") || command.contains("tts ")
        || !command.contains("--source")) {
      return tts();
    }
    throw new AssertionError("no simulator is set up for the documented command `" + command
        + "`: add its source to " + DocSimulators.class.getSimpleName());
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
    Map<String, String> environment = Map.of(
        "TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address(),
        "TTNV3_APP_ID", "my-app",
        "TTNV3_APP_API_KEY", TTS_KEY,
        "TTNV3_CA_FILE", simulator.caFile().toString());
    return new Running() {
      @Override
      public Map<String, String> environment() {
        return environment;
      }

      @Override
      public List<String> secrets() {
        return List.of(TTS_KEY);
      }

      @Override
      public void close() {
        simulator.close();
      }
    };
  }
}
