package org.ttnlw.migrate.sim;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.proto.Right;

/**
 * Runs a simulator until killed, for trying the tool by hand. It holds application {@code my-app}
 * with the OTAA device {@code my-device} and {@code --devices} more sample devices. The API key is
 * also the gateway services' key of user {@code demo}, with all rights; {@code --sample-gateways}
 * registers the {@link SampleGateways} for that user. {@code --target-app ID} adds an empty
 * application, the target of {@code migrate --target.app-id ID} against this same simulator.
 */
public final class SimulatorMain {
  private static final String APPLICATION_ID = "my-app";
  private static final String DEMO_API_KEY = "NNSXS.SIMULATOR.DEMO-KEY";
  private static final String GATEWAY_OWNER = "user:demo";
  private static final String USAGE =
      "usage: SimulatorMain [--tls] [--port N] [--devices N] [--sample-gateways] [--latency-ms N]"
          + " [--api-key KEY] [--target-app ID]...\n"
          + "The API key defaults to "
          + DEMO_API_KEY
          + ".";

  private SimulatorMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }

    TtsSimulator simulator =
        TtsSimulator.builder()
            .apiKey(options.apiKey())
            .tls(options.tls())
            .port(options.port())
            .latency(options.latency())
            .start();
    Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
    simulator.put(SampleDevices.otaaWithSession(APPLICATION_ID, "my-device", 0));
    for (EndDevice device : SampleDevices.application(APPLICATION_ID, options.devices())) {
      simulator.put(device, SampleDevices.servers(device));
    }
    options.targetApplications().forEach(simulator::addApplication);
    simulator.addGatewayKey(options.apiKey(), GATEWAY_OWNER, Set.of(Right.RIGHT_ALL));
    if (options.sampleGateways()) {
      SampleGateways.seed(simulator, GATEWAY_OWNER);
    }

    System.err.println("TTS simulator listening on " + simulator.address());
    if (options.apiKey().equals(DEMO_API_KEY)) {
      System.err.println("API key (the demo default): " + DEMO_API_KEY);
    }
    System.err.println(
        simulator.tls() ? "CA certificate: " + simulator.caFile() : "plaintext, no TLS");
    System.err.println(
        "application " + APPLICATION_ID + " holds " + (options.devices() + 1) + " devices");
    options.targetApplications().forEach(id -> System.err.println("application " + id
        + " is empty, a target for migrate --target.app-id " + id));
    System.err.println(GATEWAY_OWNER + " has "
        + (options.sampleGateways() ? SampleGateways.all().size() : 0) + " gateways");
    simulator.awaitTermination();
  }

  private record Options(
      boolean tls, int port, int devices, boolean sampleGateways, Duration latency,
      String apiKey, List<String> targetApplications) {
    static Options parse(String[] args) {
      boolean tls = false;
      boolean sampleGateways = false;
      int port = 0;
      int devices = 0;
      Duration latency = Duration.ZERO;
      String apiKey = DEMO_API_KEY;
      List<String> targetApplications = new java.util.ArrayList<>();
      Deque<String> rest = new ArrayDeque<>(List.of(args));
      while (!rest.isEmpty()) {
        String flag = rest.pop();
        switch (flag) {
          case "--tls" -> tls = true;
          case "--port" -> port = number(flag, rest);
          case "--devices" -> devices = number(flag, rest);
          case "--sample-gateways" -> sampleGateways = true;
          case "--latency-ms" -> latency = Duration.ofMillis(number(flag, rest));
          case "--api-key" -> apiKey = value(flag, rest);
          case "--target-app" -> targetApplications.add(value(flag, rest));
          default -> throw new IllegalArgumentException("unknown argument " + flag);
        }
      }
      return new Options(tls, port, devices, sampleGateways, latency, apiKey,
          List.copyOf(targetApplications));
    }

    private static int number(String flag, Deque<String> rest) {
      String value = value(flag, rest);
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " needs a number, not " + value);
      }
    }

    private static String value(String flag, Deque<String> rest) {
      if (rest.isEmpty()) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      return rest.pop();
    }
  }
}
