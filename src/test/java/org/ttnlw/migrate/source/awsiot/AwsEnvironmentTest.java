package org.ttnlw.migrate.source.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.cli.Main;
import org.ttnlw.migrate.sim.awsiot.AwsSamples;
import org.ttnlw.migrate.sim.awsiot.IotWirelessFake;

/**
 * The standard AWS environment variables reach the SDK: the tool runs in a JVM of its own whose
 * environment holds nothing but them, so the SDK's own chains find credentials, region and
 * endpoint (AWS_ENDPOINT_URL_IOT_WIRELESS) exactly as they do for an operator.
 */
class AwsEnvironmentTest {
  @TempDir
  Path home;
  private IotWirelessFake fake;

  @BeforeEach
  void start() {
    fake = new IotWirelessFake().putProfile(AwsSamples.otaaProfile())
        .putDevice(AwsSamples.otaaDevice());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private record Outcome(int exitCode, String stdout, String stderr) {}

  private Outcome run(Map<String, String> aws) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "awsiot", "device", AwsSamples.OTAA_ID);
    Map<String, String> environment = builder.environment();
    environment.clear();
    environment.put("AWSIOT_APP_ID", "my-app");
    environment.put("AWSIOT_FREQUENCY_PLAN_ID", "US_902_928_FSB_2");
    // Keep the machine's own AWS configuration and the instance metadata service out of it.
    environment.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    environment.put("AWS_EC2_METADATA_DISABLED", "true");
    environment.putAll(aws);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    byte[] err = process.getErrorStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    Outcome outcome = new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8),
        new String(err, StandardCharsets.UTF_8));
    assertFalse(outcome.stdout().contains(IotWirelessFake.SECRET_KEY)
        || outcome.stderr().contains(IotWirelessFake.SECRET_KEY), outcome.toString());
    return outcome;
  }

  @Test
  void credentialsRegionAndEndpointComeFromTheStandardVariables() throws Exception {
    Outcome outcome = run(Map.of(
        "AWS_ENDPOINT_URL_IOT_WIRELESS", fake.endpoint(),
        "AWS_REGION", IotWirelessFake.REGION,
        "AWS_ACCESS_KEY_ID", IotWirelessFake.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", IotWirelessFake.SECRET_KEY));

    assertEquals(ExitCodes.OK, outcome.exitCode(), outcome.toString());
    assertEquals(1, outcome.stdout().lines().count(), outcome.toString());
    assertTrue(outcome.stdout().contains("\"device_id\":\"eui-a84041000181c61a\""),
        outcome.stdout());
    // The pre-flight's list of at most one device, then the export's two reads.
    assertEquals(List.of("GET", "GET", "GET"), fake.calls().stream()
        .map(IotWirelessFake.Call::method).toList(),
        "the fake checks the key and region in each request's signature");
  }

  @Test
  void withoutARegionNothingIsCalledAndTheOperatorIsToldWhatToSet() throws Exception {
    Outcome outcome = run(Map.of(
        "AWS_ENDPOINT_URL_IOT_WIRELESS", fake.endpoint(),
        "AWS_ACCESS_KEY_ID", IotWirelessFake.ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY", IotWirelessFake.SECRET_KEY));

    assertEquals(ExitCodes.USAGE, outcome.exitCode(), outcome.toString());
    assertTrue(outcome.stderr().contains("set AWS_REGION"), outcome.stderr());
    assertTrue(fake.calls().isEmpty());
  }
}
