package org.ttnlw.migrate.source.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Migrating a device bound to a MAC settings profile: created in the target with the profile's
 * settings inline, verified on them, into a target with or without profiles.
 */
class ProfileMigrateTest {
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aBoundDeviceArrivesWithItsProfilesSettingsInline(boolean targetPredatesProfiles)
      throws Exception {
    TtsSimulator.Builder target = targetPredatesProfiles
        ? TtsSimulator.builder().predatingProfiles() : TtsSimulator.builder();
    try (TwoDeployments two = new TwoDeployments(0,
        TtsSimulator.builder().profileFieldNumber(58), target)) {
      MACSettingsProfile profile = ProfileExportTest.profile("my-app", "class-b-slow", 30);
      two.source.putProfile(profile);
      two.source.bind("my-app", "my-device", "class-b-slow");

      CliRun.Result result = two.run("migrate", "application", "--source", "ttnv3", "my-app");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      MACSettings inTarget = two.inTarget(TtsServer.NETWORK_SERVER, "my-device").getMacSettings();
      assertEquals(profile.getMacSettings(), inTarget);
      assertEquals(targetPredatesProfiles ? 1 : 0, result.stderr().lines()
          .filter(line -> line.contains("target Network Server refuses")).count(),
          result.stderr());
    }
  }
}
