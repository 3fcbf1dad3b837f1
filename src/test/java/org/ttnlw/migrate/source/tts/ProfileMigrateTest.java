package org.ttnlw.migrate.source.tts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.cli.TwoDeployments;
import org.ttnlw.migrate.proto.MACSettings;
import org.ttnlw.migrate.proto.MACSettingsProfile;
import org.ttnlw.migrate.proto.MACSettingsProfileIdentifiers;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * Migrating a device bound to a MAC settings profile: bound to the target's same profile where the
 * target application holds one with equal settings, otherwise created with the profile's settings
 * inline, verified either way.
 */
class ProfileMigrateTest {
  private static final String PROFILE = "class-b-slow";
  private static final MACSettingsProfile IN_SOURCE =
      ProfileExportTest.profile("my-app", PROFILE, 30);

  private static TwoDeployments boundInSource(TtsSimulator.Builder target) throws Exception {
    TwoDeployments two = new TwoDeployments(0,
        TtsSimulator.builder().profileFieldNumber(58), target);
    two.source.putProfile(IN_SOURCE);
    two.source.bind("my-app", "my-device", PROFILE);
    return two;
  }

  private static CliRun.Result migrate(TwoDeployments two, String... flags) {
    List<String> args = new ArrayList<>(List.of("migrate", "application", "--source", "ttnv3"));
    args.addAll(List.of(flags));
    args.add("my-app");
    return two.run(args.toArray(String[]::new));
  }

  private static long inlineNotices(CliRun.Result result) {
    return result.stderr().lines().filter(line -> line.contains("settings inline")
        && !line.contains("exported with")).count();
  }

  @Test
  void aBoundDeviceIsBoundToTheTargetsEqualProfile() throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 30));

      CliRun.Result result = migrate(two);

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertEquals(MACSettings.getDefaultInstance(),
          two.inTarget(TtsServer.NETWORK_SERVER, "my-device").getMacSettings());
      assertEquals(Optional.of(MACSettingsProfileIdentifiers.newBuilder()
              .setApplicationIds(IN_SOURCE.getIds().getApplicationIds().toBuilder()
                  .setApplicationId(TwoDeployments.TARGET_APP))
              .setProfileId(PROFILE).build()),
          two.target.binding(TwoDeployments.TARGET_APP, "my-device"));
      assertEquals(0, inlineNotices(result), result.stderr());

      CliRun.Result again = migrate(two);

      assertEquals(ExitCodes.OK, again.exitCode(), "bound there already: " + again);
    }
  }

  @Test
  void aProfileMovedWithTheApplicationSettingsIsBoundTo() throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.source.addApplication("my-app");

      CliRun.Result result = migrate(two, "--with-application-settings");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertEquals(MACSettings.getDefaultInstance(),
          two.inTarget(TtsServer.NETWORK_SERVER, "my-device").getMacSettings());
      assertEquals(Optional.of(PROFILE), two.target.binding(TwoDeployments.TARGET_APP,
          "my-device").map(MACSettingsProfileIdentifiers::getProfileId));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void withoutAnEqualProfileInTheTargetTheSettingsGoInline(boolean targetHasOtherSettings)
      throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      if (targetHasOtherSettings) {
        two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 60));
      }

      CliRun.Result result = migrate(two);

      assertInline(two, result);
      assertEquals(1, inlineNotices(result), result.stderr());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--target.keep-profiles=false", "--keep-profiles=false",
      "--no-keep-profiles"})
  void keepProfilesFalseLeavesTheSettingsInline(String flag) throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 30));

      CliRun.Result result = migrate(two, flag);

      assertInline(two, result);
      assertEquals(0, inlineNotices(result), result.stderr());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"--keep-profiles", "--target.keep-profiles", "--keep-profiles=true"})
  void keepProfilesUnderEitherNameBinds(String flag) throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 30));

      CliRun.Result result = migrate(two, flag);

      assertBound(two, result);
    }
  }

  /** A device already in the target, inline with other settings or bound to another profile. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void updateExistingRebindsADeviceAlreadyInTheTarget(boolean boundToAnother) throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 30));
      MACSettingsProfile another =
          ProfileExportTest.profile(TwoDeployments.TARGET_APP, "another", 60);
      two.target.putProfile(another);
      two.target.put(SampleDevices.otaaWithSession(TwoDeployments.TARGET_APP, "my-device", 0)
          .toBuilder().setMacSettings(another.getMacSettings()).build());
      if (boundToAnother) {
        two.target.bind(TwoDeployments.TARGET_APP, "my-device", "another");
      }

      CliRun.Result refused = migrate(two);

      assertEquals(ExitCodes.EXPORT_FAILED, refused.exitCode(), refused.toString());
      assertTrue(refused.stderr().contains("--target.update-existing"), refused.toString());
      assertEquals(boundToAnother ? Optional.of("another") : Optional.empty(), boundTo(two));

      CliRun.Result updated = migrate(two, "--target.update-existing");

      assertBound(two, updated);
    }
  }

  @Test
  void aDeviceBoundInTheTargetToEqualSettingsIsThereAlreadyEvenInline() throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 30));
      CliRun.Result bound = migrate(two);
      assertBound(two, bound);
      two.target.clearCalls();

      CliRun.Result inline = migrate(two, "--no-keep-profiles");

      assertEquals(ExitCodes.OK, inline.exitCode(), inline.toString());
      assertEquals(List.of(), two.target.writes(), "its profile's settings are the export's");
      assertEquals(Optional.of(PROFILE), boundTo(two));
    }
  }

  @Test
  void aDeviceBoundInTheTargetToOtherSettingsIsNotUnboundToGoInline() throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, "another", 60));
      two.target.put(SampleDevices.otaaWithSession(TwoDeployments.TARGET_APP, "my-device", 0));
      two.target.bind(TwoDeployments.TARGET_APP, "my-device", "another");

      CliRun.Result result = migrate(two, "--target.update-existing");

      assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("device new-app/my-device is bound in the target to MAC"
          + " settings profile another, whose settings differ"), result.toString());
      assertEquals(Optional.of("another"), boundTo(two));
    }
  }

  /** Killed after the device was created but before it was bound: the second run binds it. */
  @Test
  void aHalfCreatedBoundDeviceIsFinishedBound(@TempDir Path folder) throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 30));
      List<String> args = List.of("migrate", "application", "--source", "ttnv3", "my-app",
          "--output", folder.resolve("migrated.json").toString());
      two.runKilledAt(folder.resolve("child.log"), args, call -> call.method().equals("Set")
          && call.fieldMaskPaths().equals(List.of("mac_settings_profile_ids")));
      assertEquals(MACSettings.getDefaultInstance(), two.inTarget(TtsServer.NETWORK_SERVER,
          "my-device").getMacSettings(), Files.readString(folder.resolve("child.log")));
      assertEquals(Optional.empty(), boundTo(two), "killed before the binding");

      CliRun.Result resumed = two.run(args.toArray(String[]::new));

      assertBound(two, resumed);
    }
  }

  /** 120 profiles: both the source's and the target's are read page by page. */
  @Test
  void aProfileAmong120MovedWithTheApplicationSettingsIsBoundTo() throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.source.addApplication("my-app");
      for (int i = 0; i < 120; i++) {
        two.source.putProfile(ProfileExportTest.profile("my-app", "profile-" + i, 60));
      }

      CliRun.Result result = migrate(two, "--with-application-settings");

      assertBound(two, result);
      assertEquals(121, two.target.profiles(TwoDeployments.TARGET_APP).size());
    }
  }

  private static Optional<String> boundTo(TwoDeployments two) {
    return two.target.binding(TwoDeployments.TARGET_APP, "my-device")
        .map(MACSettingsProfileIdentifiers::getProfileId);
  }

  private static void assertBound(TwoDeployments two, CliRun.Result result) {
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(MACSettings.getDefaultInstance(),
        two.inTarget(TtsServer.NETWORK_SERVER, "my-device").getMacSettings());
    assertEquals(Optional.of(PROFILE), boundTo(two));
  }

  /** Before 3.33.0 the NS has no profiles; 3.33.0 to 3.34.0 have them but bind no device. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aTargetThatPredatesTheBindingGetsTheSettingsInlineWithOneNotice(boolean servesProfiles)
      throws Exception {
    TtsSimulator.Builder target = servesProfiles
        ? TtsSimulator.builder().profilesWithoutBinding() : TtsSimulator.builder().predatingProfiles();
    try (TwoDeployments two = boundInSource(target)) {
      if (servesProfiles) {
        two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 30));
      }

      CliRun.Result result = migrate(two);

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertEquals(IN_SOURCE.getMacSettings(),
          two.inTarget(TtsServer.NETWORK_SERVER, "my-device").getMacSettings());
      assertEquals(1, inlineNotices(result), result.stderr());
      assertEquals(1, result.stderr().lines()
          .filter(line -> line.contains("target Network Server refuses")).count(),
          result.stderr());
    }
  }

  @Test
  void anExportedBoundDeviceIsImportedWithItsSettingsInline() throws Exception {
    try (TwoDeployments two = boundInSource(TtsSimulator.builder().profileFieldNumber(58))) {
      two.target.putProfile(ProfileExportTest.profile(TwoDeployments.TARGET_APP, PROFILE, 30));
      CliRun.Result exported = two.run("application", "--source", "ttnv3", "my-app");
      assertEquals(ExitCodes.OK, exported.exitCode(), exported.toString());
      assertFalse(exported.stdout().contains("profile"), exported.stdout());

      CliRun.Result result = CliRun.run(two.environment(), exported.stdout(), "import");

      assertInline(two, result);
    }
  }

  private static void assertInline(TwoDeployments two, CliRun.Result result) {
    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(IN_SOURCE.getMacSettings(),
        two.inTarget(TtsServer.NETWORK_SERVER, "my-device").getMacSettings());
    assertEquals(Optional.empty(), two.target.binding(TwoDeployments.TARGET_APP, "my-device"));
  }
}
