package org.ttnlw.migrate.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.core.StopSignal;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.pipeline.StdoutKind;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.TtsSimulator;

/** Runs the tool in-process as a shell would, capturing stdout, stderr (logs too) and the exit code. */
public final class CliRun {
  public static final String API_KEY = "NNSXS.TEST-KEY-DO-NOT-LOG";

  public record Result(int exitCode, String stdout, String stderr) {
    public List<EndDevice> devices() {
      return stdout.lines()
          .map(line -> TtsJson.instance().merge(line, EndDevice.newBuilder()).build())
          .toList();
    }

    public EndDevice onlyDevice() {
      List<EndDevice> devices = devices();
      if (devices.size() != 1) {
        throw new AssertionError("expected one device, got " + devices.size() + "\n" + this);
      }
      return devices.get(0);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  private CliRun() {}

  /** The environment that points the ttnv3 source at {@code simulator}. */
  static Map<String, String> environment(TtsSimulator simulator) {
    Map<String, String> environment = new HashMap<>();
    environment.put("TTNV3_APP_ID", "my-app");
    environment.put("TTNV3_APP_API_KEY", API_KEY);
    environment.put("TTNV3_DEFAULT_GRPC_ADDRESS", simulator.address());
    if (simulator.tls()) {
      environment.put("TTNV3_CA_FILE", simulator.caFile().toString());
    } else {
      environment.put("TTNV3_INSECURE", "true");
    }
    return environment;
  }

  public static Result run(Map<String, String> environment, String stdin, String... args) {
    return run(environment, stdin, new StopSignal(), args);
  }

  static Result run(Map<String, String> environment, String stdin, StopSignal stop,
      String... args) {
    return run(environment, new ByteArrayOutputStream(), StdoutKind.OTHER, stdin, stop, args);
  }

  /**
   * With stdout going to {@code out}, which the tool is told is a {@code kind}; the result's
   * stdout is what {@code out} says it kept ({@code toString}).
   */
  static Result run(Map<String, String> environment, OutputStream out, StdoutKind kind,
      String... args) {
    return run(environment, out, kind, "", new StopSignal(), args);
  }

  private static Result run(Map<String, String> environment, OutputStream out,
      StdoutKind kind, String stdin, StopSignal stop, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream systemErr = System.err;
    System.setErr(errStream);
    int exitCode;
    try {
      exitCode = Main.run(args, new Io(Map.copyOf(environment),
          new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, errStream, stop,
          kind));
    } finally {
      System.setErr(systemErr);
    }
    Result result = new Result(exitCode, out instanceof ByteArrayOutputStream bytes
        ? bytes.toString(StandardCharsets.UTF_8) : out.toString(),
        err.toString(StandardCharsets.UTF_8));
    if (result.stdout().contains(API_KEY) || result.stderr().contains(API_KEY)) {
      throw new AssertionError("the API key was printed by " + Arrays.toString(args) + "\n" + result);
    }
    return result;
  }

  public static Result run(TtsSimulator simulator, String... args) {
    return run(environment(simulator), "", args);
  }
}
