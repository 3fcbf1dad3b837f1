package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.core.SampleKeys;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.awsiot.AwsSamples;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;

/**
 * A key pasted where something else belongs (a typed flag, an ID argument, stdin) is refused with
 * the key masked: it never reaches the terminal or a CI log in full.
 */
class KeysInWrongFlagsTest {
  static final String TTS_KEY = SampleKeys.TTS_KEY;
  static final String JWT = SampleKeys.JWT;
  static final String AWS_SECRET = SampleKeys.AWS_SECRET;

  /** Refused as a usage error that quotes the value masked, and nothing of the key after it. */
  private static void assertRefusedMasked(CliRun.Result result, String key, String mask) {
    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertMasked(result, key, mask);
  }

  private static void assertMasked(CliRun.Result result, String key, String mask) {
    assertTrue(result.stderr().contains(mask + "...(masked)"), result.toString());
    String secretPart = key.substring(mask.length());
    assertFalse(result.stderr().contains(secretPart) || result.stdout().contains(secretPart),
        result.toString());
  }

  @Test
  void aTtsKeyGivenToATypedFlagAsAnIdOrOnStdin() throws Exception {
    try (TtsSimulator simulator = ConnectionTest.start(true)) {
      Map<String, String> environment = CliRun.environment(simulator);
      String shown = "NNSXS.ABC";

      assertRefusedMasked(CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
          "--concurrency", TTS_KEY), TTS_KEY, shown);
      assertRefusedMasked(CliRun.run(simulator, "device", "--source", "ttnv3", "my-device",
          "--timeout=" + TTS_KEY), TTS_KEY, shown);
      assertRefusedMasked(CliRun.run(simulator, "application", "--source", "ttnv3", TTS_KEY),
          TTS_KEY, shown);
      // Not known to be wrong until the source says so.
      assertMasked(CliRun.run(simulator, "ttnv3", "device", "--app-id", TTS_KEY, "my-device"),
          TTS_KEY, shown);
      assertRefusedMasked(CliRun.run(environment, "my-device\n" + TTS_KEY + "\n", "ttnv3",
          "device"), TTS_KEY, shown);
      assertRefusedMasked(CliRun.run(environment, "", "version", TTS_KEY), TTS_KEY, shown);
    }
  }

  @Test
  void aChirpStackTokenGivenToOtherFlagsOrAsADevEui() {
    Map<String, String> environment = Map.of("CHIRPSTACK_API_URL", "localhost:1",
        "CHIRPSTACK_API_KEY", CliRun.API_KEY);

    assertRefusedMasked(CliRun.run(environment, "", "chirpstack", "device", "--join-eui", JWT,
        SampleChirpStack.devEui(1)), JWT, "eyJ");
    assertRefusedMasked(CliRun.run(environment, "", "chirpstack", "device", JWT), JWT, "eyJ");
    assertRefusedMasked(CliRun.run(environment, "", "chirpstack", "device", "--retries", JWT,
        SampleChirpStack.devEui(1)), JWT, "eyJ");
  }

  @Test
  void anAwsSecretGivenToOtherFlags() {
    Map<String, String> environment = Map.of("AWSIOT_APP_ID", "my-app",
        "AWSIOT_FREQUENCY_PLAN_ID", "US_902_928_FSB_2");

    assertRefusedMasked(CliRun.run(environment, "", "awsiot", "device",
        "--supports-32-bit-f-cnt", AWS_SECRET, AwsSamples.OTAA_ID), AWS_SECRET, "");
    assertRefusedMasked(CliRun.run(environment, "", "awsiot", "device", "--concurrency",
        AWS_SECRET, AwsSamples.OTAA_ID), AWS_SECRET, "");
    assertRefusedMasked(CliRun.run(environment, "", "device", "--source", "awsiot",
        "--awsiot.mac-version", AWS_SECRET, AwsSamples.OTAA_ID), AWS_SECRET, "");
  }
}
