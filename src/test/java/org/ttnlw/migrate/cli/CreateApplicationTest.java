package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.proto.Right;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.MissingApplicationRights;
import org.ttnlw.migrate.sim.TtsSimulator;

/**
 * {@code import-application-settings --target.create-application}: the rights on an application
 * that does not exist yet are none (whether ListRights answers an empty list or NotFound, which the
 * facts leave open), so the run goes on to Create, which checks the key's right to create
 * applications for the collaborator; a refusal there is exit 2 and nothing written.
 */
class CreateApplicationTest {
  private static final String NEW_APP = "brand-new";

  @TempDir
  Path folder;

  private static TtsSimulator.Builder target(MissingApplicationRights answer, Right... rights) {
    TtsSimulator.Builder target = TtsSimulator.builder().missingApplicationRights(answer);
    return rights.length == 0 ? target : target.rights(rights);
  }

  private static CliRun.Result create(TwoDeployments two, Path file, String owner,
      String... more) {
    List<String> args = new ArrayList<>(List.of("import-application-settings",
        file.toString(), "--target.app-id", NEW_APP, "--target.create-application",
        "--target.collaborator", owner));
    args.addAll(List.of(more));
    return two.run(args.toArray(String[]::new));
  }

  @ParameterizedTest
  @EnumSource(MissingApplicationRights.class)
  void theApplicationIsCreatedWhicheverWayListRightsAnswersForAMissingOne(
      MissingApplicationRights answer) throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, target(answer))) {
      Path file = two.exportedSettings(folder);
      CliRun.Result refused = two.run("import-application-settings", file.toString(),
          "--target.app-id", NEW_APP);
      assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.toString());
      assertTrue(refused.stderr().contains("does not exist: create it first, or pass"
          + " --target.create-application"), refused.toString());
      assertTrue(two.target.writes().isEmpty(), two.target.writes().toString());

      CliRun.Result created = create(two, file, "user:admin");

      assertEquals(ExitCodes.OK, created.exitCode(), created.toString());
      assertTrue(created.stderr().contains(NEW_APP + ": application: created"),
          created.toString());
      assertEquals("Soil sensors", two.target.settings(Application.class, NEW_APP).get(0)
          .getDescription());
      assertEquals(1, two.target.settings(ApplicationWebhook.class, NEW_APP).size());
    }
  }

  @ParameterizedTest
  @EnumSource(MissingApplicationRights.class)
  void aKeyWithoutTheRightToCreateIsRefusedAtCreateNamingRightAndFlags(
      MissingApplicationRights answer) throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, target(answer,
        Right.RIGHT_APPLICATION_ALL, Right.RIGHT_USER_APPLICATIONS_CREATE))) {
      Path file = two.exportedSettings(folder);

      CliRun.Result result = create(two, file, "organization:acme");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      String last = result.stderr().strip().lines().reduce((first, second) -> second).orElse("");
      assertTrue(last.contains("may not create application " + NEW_APP)
          && last.contains("lacks ORGANIZATION_APPLICATIONS_CREATE on organization acme")
          && last.contains("--target.app-api-key") && last.contains("--target.collaborator")
          && last.contains("nothing was written"), result.toString());
      assertNothingWritten(two);
    }
  }

  @Test
  void aKeyWithOnlyApplicationRightsMayNotCreateForAUser() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, target(MissingApplicationRights.NOT_FOUND,
        Right.RIGHT_APPLICATION_ALL))) {
      CliRun.Result result = create(two, two.exportedSettings(folder), "user:admin");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("lacks USER_APPLICATIONS_CREATE on user admin"),
          result.toString());
      assertNothingWritten(two);
    }
  }

  /** The refused Create is the only write the target received, and it holds nothing new. */
  private static void assertNothingWritten(TwoDeployments two) {
    List<CallInfo> writes = two.target.writes();
    assertEquals(List.of("Create"), writes.stream().map(CallInfo::method).toList(),
        writes.toString());
    assertTrue(two.target.settings(Application.class, NEW_APP).isEmpty());
    assertTrue(two.target.settings(ApplicationWebhook.class, NEW_APP).isEmpty());
  }

  @Test
  void aKeyThatMayCreateButIsShortOfRightsOnTheNewApplicationSaysWhatWasCreated()
      throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, target(MissingApplicationRights.NOT_FOUND,
        Right.RIGHT_USER_APPLICATIONS_CREATE, Right.RIGHT_APPLICATION_INFO))) {
      CliRun.Result result = create(two, two.exportedSettings(folder), "user:admin");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("lacks APPLICATION_SETTINGS_BASIC"), result.toString());
      assertTrue(result.stderr().contains("the application " + NEW_APP + " was created, nothing"
          + " else was written"), result.toString());
      assertEquals(List.of("Create"), two.target.writes().stream().map(CallInfo::method)
          .toList());
    }
  }

  @Test
  void aKeyWithoutRightsOnApplicationsIsRefusedBeforeCreate() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, target(MissingApplicationRights.NOT_FOUND,
        Right.RIGHT_USER_APPLICATIONS_CREATE))) {
      CliRun.Result result = create(two, two.exportedSettings(folder), "user:admin");

      assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("lacks APPLICATION_INFO"), result.toString());
      assertTrue(result.stderr().contains("nothing was written"), result.toString());
      assertTrue(two.target.writes().isEmpty(), two.target.writes().toString());
    }
  }

  @ParameterizedTest
  @EnumSource(MissingApplicationRights.class)
  void aDryRunChangesNothingAndSaysTheApplicationWouldBeCreated(
      MissingApplicationRights answer) throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, target(answer))) {
      CliRun.Result result = create(two, two.exportedSettings(folder), "user:admin", "--dry-run");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("application " + NEW_APP
          + ": would be created (dry run)"), result.toString());
      assertTrue(result.stderr().contains("webhook my-hook: would be created (dry run)"),
          result.toString());
      assertTrue(two.target.writes().isEmpty(), two.target.writes().toString());
      assertTrue(two.target.settings(Application.class, NEW_APP).isEmpty());
    }
  }
}
