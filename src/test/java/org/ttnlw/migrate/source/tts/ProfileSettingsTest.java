package org.ttnlw.migrate.source.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * An application's MAC settings profiles in its settings document: exported from a NS that has
 * them, imported into a target that has them (created when missing, left alone when equal, a
 * different one fails unless {@code --target.update-existing}), and a source NS that predates
 * them.
 */
class ProfileSettingsTest {
  @TempDir
  Path folder;

  private static MACSettingsProfile inTarget(MACSettingsProfile profile) {
    return profile.toBuilder().setIds(profile.getIds().toBuilder()
        .setApplicationIds(profile.getIds().getApplicationIds().toBuilder()
            .setApplicationId(TwoDeployments.TARGET_APP))).build();
  }

  private static Path export(TwoDeployments two, Path file) throws IOException {
    two.source.addApplication("my-app");
    CliRun.Result result = two.run("application-settings", "--source", "ttnv3", "my-app",
        "--output", file.toString());
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    return file;
  }

  @Test
  void profilesMoveWithTheSettingsAndAreComparedOnImport() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0,
        TtsSimulator.builder().profileFieldNumber(57),
        TtsSimulator.builder().profileFieldNumber(58))) {
      MACSettingsProfile slow = ProfileExportTest.profile("my-app", "class-b-slow", 30);
      MACSettingsProfile fast = ProfileExportTest.profile("my-app", "class-b-fast", 2);
      two.source.putProfile(slow);
      two.source.putProfile(fast);
      Path file = export(two, folder.resolve("settings.json"));
      ApplicationSettings settings = TtsJson.instance()
          .merge(Files.readString(file).strip(), ApplicationSettings.newBuilder()).build();
      assertEquals(List.of(fast, slow), settings.getMacSettingsProfilesList());

      two.target.putProfile(inTarget(fast).toBuilder().setMacSettings(
          fast.getMacSettings().toBuilder().setClassBTimeout(
              com.google.protobuf.Duration.newBuilder().setSeconds(9))).build());
      CliRun.Result differing = two.run("import-application-settings", file.toString());
      assertEquals(ExitCodes.SOME_FAILED, differing.exitCode(), differing.toString());
      assertTrue(differing.stderr().contains("MAC settings profile class-b-slow: created"),
          differing.toString());
      assertTrue(differing.stderr().contains("MAC settings profile class-b-fast: differs in the"
          + " target"), differing.toString());
      assertEquals(List.of(9L, 30L), two.target.profiles(TwoDeployments.TARGET_APP).stream()
          .map(profile -> profile.getMacSettings().getClassBTimeout().getSeconds()).toList());

      CliRun.Result updated = two.run("import-application-settings", file.toString(),
          "--target.update-existing");
      assertEquals(ExitCodes.OK, updated.exitCode(), updated.toString());
      assertEquals(List.of(inTarget(fast), inTarget(slow)),
          two.target.profiles(TwoDeployments.TARGET_APP));

      two.target.clearCalls();
      CliRun.Result again = two.run("import-application-settings", file.toString());
      assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
      assertTrue(again.stderr().contains("MAC settings profile class-b-fast: equal in the target"),
          again.toString());
      assertEquals(List.of(), two.target.writes());
    }
  }

  @Test
  void aSourceThatPredatesProfilesExportsNone() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, TtsSimulator.builder().predatingProfiles(),
        TtsSimulator.builder())) {
      Path file = export(two, folder.resolve("settings.json"));
      ApplicationSettings settings = TtsJson.instance()
          .merge(Files.readString(file).strip(), ApplicationSettings.newBuilder()).build();
      assertEquals(0, settings.getMacSettingsProfilesCount());
    }
  }
}
