package org.ttnlw.migrate.source.awsiot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.proto.EndDevice;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.awsiot.AwsSamples;
import org.ttnlw.migrate.sim.awsiot.IotWirelessFake;
import org.ttnlw.migrate.tts.TtsServer;

/** {@code migrate} from the IoT Wireless fake into a TTS simulator: AWS is changed last. */
class AwsIotMigrateTest {
  private static final String TARGET_KEY = "NNSXS.AWS-TARGET-KEY-DO-NOT-LOG";
  private IotWirelessFake fake;
  private TtsSimulator target;

  @BeforeAll
  static void awsSettings() {
    AwsTestSettings.install();
  }

  @BeforeEach
  void start() throws Exception {
    fake = new IotWirelessFake().putProfile(AwsSamples.otaaProfile())
        .putProfile(AwsSamples.abpProfile()).putDevice(AwsSamples.otaaDevice())
        .putDevice(AwsSamples.abpDevice());
    target = TtsSimulator.builder().apiKey(TARGET_KEY).tls(true).start();
    target.addApplication("new-app");
  }

  @AfterEach
  void stop() {
    fake.close();
    target.close();
  }

  @Test
  void devicesAreCreatedAndVerifiedInTtsBeforeAwsDeletesThem() {
    Map<String, String> environment = Map.of(
        "AWSIOT_APP_ID", "new-app",
        "AWSIOT_FREQUENCY_PLAN_ID", "US_902_928_FSB_2",
        "AWSIOT_ENDPOINT_URL", fake.endpoint(),
        "TARGET_DEFAULT_GRPC_ADDRESS", target.address(),
        "TARGET_APP_API_KEY", TARGET_KEY,
        "TARGET_CA_FILE", target.caFile().toString(),
        "TARGET_APP_ID", "new-app");

    CliRun.Result result = CliRun.run(environment, "", "migrate", "application", "--source",
        "awsiot", AwsSamples.DESTINATION, "--awsiot.delete-source-device");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertFalse(result.stderr().contains(TARGET_KEY) || result.stderr().contains(
        IotWirelessFake.SECRET_KEY), result.stderr());
    assertEquals(Set.of(AwsSamples.OTAA_ID, AwsSamples.ABP_ID), Set.copyOf(fake.deleted()));
    EndDevice abp = target.stored(TtsServer.NETWORK_SERVER, "new-app", "eui-70b3d57ed0000002")
        .orElseThrow();
    assertEquals(923_300_000L, abp.getMacSettings().getRx2Frequency().getValue());
    assertTrue(abp.getMacSettings().getResetsFCnt().getValue());
    assertTrue(target.stored(TtsServer.JOIN_SERVER, "new-app", "eui-a84041000181c61a")
        .orElseThrow().getRootKeys().hasAppKey());
  }
}
