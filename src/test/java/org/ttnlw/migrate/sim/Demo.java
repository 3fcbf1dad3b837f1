package org.ttnlw.migrate.sim;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import org.ttnlw.migrate.cli.Io;
import org.ttnlw.migrate.cli.Main;
import org.ttnlw.migrate.export.StopSignal;
import org.ttnlw.migrate.proto.EndDevice;

/**
 * The README's demo: starts the TTS simulator (TLS, a throw-away CA) with a few
 * sample devices and runs the migration guide's commands against it. Device JSON
 * goes to stdout, the narration to stderr.
 */
public final class Demo {
  private static final String API_KEY = "NNSXS.DEMO-KEY";

  private Demo() {}

  public static void main(String[] args) throws Exception {
    try (TtsSimulator simulator = TtsSimulator.builder().apiKey(API_KEY).tls(true).start()) {
      simulator.put(SampleDevices.otaaWithSession("my-app", "my-device", 0));
      for (EndDevice device : SampleDevices.application("my-app", 5)) {
        simulator.put(device, SampleDevices.servers(device));
      }
      Map<String, String> environment = Map.of(
          "TTNV3_APP_ID", "my-app",
          "TTNV3_APP_API_KEY", API_KEY,
          "TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address(),
          "TTNV3_CA_FILE", simulator.caFile().toString());
      say("TTS simulator on " + simulator.address() + " with application my-app (6 devices)");
      say("export TTNV3_APP_ID=my-app TTNV3_APP_API_KEY=... TTNV3_DEFAULT_GRPC_ADDRESS="
          + simulator.address() + " TTNV3_CA_FILE=" + simulator.caFile());

      int status = run(environment, "device", "--source", "ttnv3", "my-device",
          "--ttnv3.no-session");
      for (CallInfo write : simulator.writes()) {
        say("the simulator recorded: " + write.server().shortName() + " " + write.method() + " "
            + write.applicationId() + "/" + write.deviceId() + " " + write.fieldMaskPaths());
      }

      status |= run(environment, "application", "--source", "ttnv3", "my-app", "--dry-run");
      System.exit(status);
    }
  }

  private static int run(Map<String, String> environment, String... args) {
    say("$ ttn-lw-migrate " + String.join(" ", args));
    InputStream noInput = new ByteArrayInputStream(new byte[0]);
    int status = Main.run(args, new Io(environment, noInput, System.out, System.err,
        new StopSignal()));
    System.out.flush();
    say("exit code " + status);
    return status;
  }

  private static void say(String line) {
    System.err.println("demo: " + line);
  }
}
