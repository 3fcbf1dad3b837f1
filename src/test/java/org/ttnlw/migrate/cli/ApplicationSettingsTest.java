package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.Application;
import org.ttnlw.migrate.proto.ApplicationIdentifiers;
import org.ttnlw.migrate.proto.ApplicationLink;
import org.ttnlw.migrate.proto.ApplicationPackageDefaultAssociation;
import org.ttnlw.migrate.proto.ApplicationPubSub;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.proto.MessagePayloadFormatters;
import org.ttnlw.migrate.proto.PayloadFormatter;
import org.ttnlw.migrate.sim.CallInfo;
import org.ttnlw.migrate.sim.SampleDevices;
import org.ttnlw.migrate.sim.SampleSettings;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.tts.TtsServer;

/**
 * {@code application-settings} and {@code import-application-settings} end to end: a source and
 * a target simulator, both command forms, equal and differing items, a target that refuses a
 * path, dry run, and credentials kept out of the logs. Creating the application: {@link
 * CreateApplicationTest}.
 */
class ApplicationSettingsTest {
  private static final String WEBHOOK_SET = "ttn.lorawan.v3.ApplicationWebhookRegistry/Set";
  private static final String WEBHOOK_GET = "ttn.lorawan.v3.ApplicationWebhookRegistry/Get";

  @TempDir
  Path folder;

  private static ApplicationSettings parse(String line) {
    return TtsJson.instance().merge(line.strip(), ApplicationSettings.newBuilder()).build();
  }

  private Path exported(TwoDeployments two) throws IOException {
    SampleSettings.put(two.source, "my-app");
    Path file = folder.resolve("my-app.settings.json");
    CliRun.Result result = two.run("application-settings", "--source", "ttnv3", "my-app",
        "--output", file.toString(), "--verbose");
    assertEquals(0, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("hold credentials"), result.toString());
    assertNoSecrets(result);
    return file;
  }

  private static void assertNoSecrets(CliRun.Result result) {
    for (String secret : SampleSettings.SECRETS) {
      assertFalse(result.stderr().contains(secret), secret + " was logged\n" + result);
    }
  }

  @Test
  void exportHoldsEveryItemWithoutServerAssignedFieldsInAnOwnerOnlyFile() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0)) {
      Path file = exported(two);
      assertEquals("rw-------",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
      String line = Files.readString(file);
      assertEquals(1, line.lines().count());
      ApplicationSettings settings = parse(line);
      assertEquals("My application", settings.getApplication().getName());
      assertEquals("my-app", settings.getApplication().getIds().getApplicationId());
      assertEquals("bob", settings.getApplication().getTechnicalContact().getUserIds()
          .getUserId());
      assertEquals("", settings.getApplication().getNetworkServerAddress());
      assertEquals(SampleSettings.link(), settings.getLink());
      ApplicationWebhook webhook = settings.getWebhooks(0);
      assertEquals(SampleSettings.webhook("my-app", "my-hook").toBuilder().clearCreatedAt()
          .clearHealthStatus().build(), webhook);
      assertEquals(SampleSettings.pubSub("my-app", "my-mqtt"), settings.getPubsubs(0));
      assertEquals(SampleSettings.defaultAssociation("my-app", 199).toBuilder().clearCreatedAt()
          .build(), settings.getPackageDefaultAssociations(0));
      for (String absent : List.of("created_at", "updated_at", "health_status")) {
        assertFalse(line.contains(absent), absent + " exported: " + line);
      }
      assertTrue(line.contains("\"field_mask\":{\"paths\":[\"up.uplink_message.decoded_payload\"]}"),
          line);
      assertTrue(line.contains("\"publish_qos\":\"AT_LEAST_ONCE\""), line);
      for (CallInfo call : two.source.calls()) {
        assertFalse(call.isWrite(), "the export changed the source: " + call);
        assertFalse(call.fieldMaskPaths().contains("api_key")
            || call.fieldMaskPaths().contains("network_server_address")
            || call.fieldMaskPaths().contains("tls"), call.toString());
      }
    }
  }

  @Test
  void sourceGroupFormWritesTheSameDocumentToStdout() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0)) {
      Path file = exported(two);
      CliRun.Result result = two.run("ttnv3", "application-settings", "my-app");
      assertEquals(0, result.exitCode(), result.toString());
      assertEquals(parse(Files.readString(file)), parse(result.stdout()));
    }
  }

  @Test
  void defaultAssociationsAreReadPageByPageToTheTotal() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0)) {
      two.source.addApplication("many");
      for (int port = 1; port <= 150; port++) {
        two.source.putSetting("many", SampleSettings.defaultAssociation("many", port));
      }
      CliRun.Result result = two.run("ttnv3", "application-settings", "many");
      assertEquals(0, result.exitCode(), result.toString());
      assertEquals(150, parse(result.stdout()).getPackageDefaultAssociationsCount());
      assertEquals(2, two.source.calls().stream()
          .filter(call -> call.method().equals("ListDefaultAssociations")).count());
    }
  }

  @Test
  void webhooksAndPubSubsBeyondTheServersDefaultPageAreRefusedNotLost() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0)) {
      two.source.addApplication("hooks");
      two.source.addApplication("pubsubs");
      two.source.addApplication("full-page");
      for (int i = 1; i <= 120; i++) {
        two.source.putSetting("hooks", SampleSettings.webhook("hooks", "hook-" + i));
        two.source.putSetting("pubsubs", SampleSettings.pubSub("pubsubs", "mqtt-" + i));
        if (i <= 100) {
          two.source.putSetting("full-page", SampleSettings.webhook("full-page", "hook-" + i));
        }
      }
      for (String[] app : new String[][] {{"hooks", "webhooks"}, {"pubsubs", "pub/subs"}}) {
        Path file = folder.resolve(app[0] + ".json");
        CliRun.Result result = two.run("ttnv3", "application-settings", app[0], "--output",
            file.toString());
        assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("listing the " + app[1] + " of application " + app[0]
            + ": the source Application Server answered 100 of 120"), result.toString());
        assertTrue(!Files.exists(file) || Files.readString(file).isEmpty(),
            "a settings document without 20 " + app[1]);
      }
      CliRun.Result full = two.run("ttnv3", "application-settings", "full-page");
      assertEquals(0, full.exitCode(), full.toString());
      assertEquals(100, parse(full.stdout()).getWebhooksCount());
    }
  }

  /** A JavaScript formatter of exactly {@code characters} characters, most of them two bytes. */
  private static String formatter(int characters) {
    String code = "function decodeUplink(input) { return {data: {}}; } // ";
    return code + "\u20ac".repeat(characters - code.length());
  }

  private static MessagePayloadFormatters formatters(String parameter) {
    return MessagePayloadFormatters.newBuilder()
        .setUpFormatter(PayloadFormatter.FORMATTER_JAVASCRIPT).setUpFormatterParameter(parameter)
        .setDownFormatter(PayloadFormatter.FORMATTER_JAVASCRIPT)
        .setDownFormatterParameter(parameter)
        .build();
  }

  @Test
  void formatterParametersOf65536CharactersPassUntouchedAndTheTargetRefusesLonger()
      throws IOException {
    String longest = formatter(65_536);
    try (TwoDeployments two = new TwoDeployments(0)) {
      SampleSettings.put(two.source, "my-app");
      two.source.putSetting("my-app", ApplicationLink.newBuilder()
          .setDefaultFormatters(formatters(longest)).build());
      two.source.put(SampleDevices.otaaWithSession("my-app", "my-device", 0).toBuilder()
          .setFormatters(formatters(longest)).build());
      Path file = folder.resolve("my-app.settings.json");
      CliRun.Result exported = two.run("ttnv3", "application-settings", "my-app", "--output",
          file.toString());
      assertEquals(0, exported.exitCode(), exported.toString());
      assertEquals(formatters(longest),
          parse(Files.readString(file)).getLink().getDefaultFormatters());

      CliRun.Result imported = two.run("import-application-settings", file.toString());
      assertEquals(0, imported.exitCode(), imported.toString());
      assertEquals(formatters(longest), only(two.target, ApplicationLink.class)
          .getDefaultFormatters());

      CliRun.Result migrated = two.run("migrate", "application", "--source", "ttnv3", "my-app",
          "--with-application-settings");
      assertEquals(0, migrated.exitCode(), migrated.toString());
      assertEquals(formatters(longest), two.target.stored(TtsServer.APPLICATION_SERVER,
          TwoDeployments.TARGET_APP, "my-device").orElseThrow().getFormatters());

      String tooLong = formatter(65_537);
      Files.writeString(file, Files.readString(file).replace(longest, tooLong));
      CliRun.Result refused = two.run("import-application-settings", file.toString(),
          "--target.update-existing");
      assertEquals(ExitCodes.SOME_FAILED, refused.exitCode(), refused.toString());
      assertTrue(refused.stderr().contains("up_formatter_parameter"), refused.toString());
      assertEquals(formatters(longest), only(two.target, ApplicationLink.class)
          .getDefaultFormatters());
    }
  }

  @Test
  void importCreatesEveryItemAndASecondImportChangesNothing() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0)) {
      Path file = exported(two);
      CliRun.Result result = two.run("import-application-settings", file.toString(), "--verbose");
      assertEquals(0, result.exitCode(), result.toString());
      assertNoSecrets(result);
      assertTrue(result.stdout().isEmpty(), result.toString());
      assertTrue(result.stderr().contains("webhook my-hook: created"), result.toString());
      assertEquals("My application", only(two.target, Application.class).getName());
      assertEquals("north", only(two.target, Application.class).getAttributesOrThrow("site"));
      assertEquals(SampleSettings.link(), only(two.target, ApplicationLink.class));
      assertEquals(SampleSettings.webhook(TwoDeployments.TARGET_APP, "my-hook").toBuilder()
          .clearCreatedAt().clearHealthStatus().build(),
          only(two.target, ApplicationWebhook.class).toBuilder().clearCreatedAt()
              .clearUpdatedAt().build());
      assertEquals(SampleSettings.pubSub(TwoDeployments.TARGET_APP, "my-mqtt"),
          only(two.target, ApplicationPubSub.class).toBuilder().clearCreatedAt()
              .clearUpdatedAt().build());
      assertEquals(SampleSettings.PACKAGE_TOKEN, only(two.target,
          ApplicationPackageDefaultAssociation.class).getData().getFieldsOrThrow("token")
          .getStringValue());

      two.target.clearCalls();
      CliRun.Result again = two.run("import-application-settings", file.toString());
      assertEquals(0, again.exitCode(), again.toString());
      assertTrue(two.target.writes().isEmpty(), two.target.writes().toString());
      assertTrue(again.stderr().contains("webhook my-hook: equal in the target"), again.toString());
    }
  }

  @Test
  void differingItemIsLeftAloneUnlessUpdateExistingAndOthersInTheTargetStay() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0)) {
      Path file = exported(two);
      String target = TwoDeployments.TARGET_APP;
      two.target.putSetting(target, SampleSettings.webhook(target, "my-hook").toBuilder()
          .setBaseUrl("https://elsewhere.example.com").build());
      two.target.putSetting(target, SampleSettings.pubSub(target, "my-mqtt"));
      two.target.putSetting(target, SampleSettings.webhook(target, "only-in-target"));

      CliRun.Result result = two.run("import-application-settings", file.toString());
      assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("webhook my-hook: differs in the target and was left"
          + " alone; --target.update-existing overwrites it: base_url (export"
          + " \"https://hooks.example.com/ttn\", target \"https://elsewhere.example.com\")"),
          result.toString());
      assertTrue(result.stderr().contains("pub/sub my-mqtt: equal in the target"),
          result.toString());
      assertTrue(result.stderr().contains("link: created"), result.toString());
      assertEquals("https://elsewhere.example.com", webhook(two.target, "my-hook").getBaseUrl());

      CliRun.Result dryRun = two.run("import-application-settings", file.toString(),
          "--target.update-existing", "--dry-run");
      assertEquals(0, dryRun.exitCode(), dryRun.toString());
      assertTrue(dryRun.stderr().contains("webhook my-hook: would be updated (dry run) (base_url)"),
          dryRun.toString());
      assertEquals("https://elsewhere.example.com", webhook(two.target, "my-hook").getBaseUrl());

      CliRun.Result updated = two.run("import-application-settings", file.toString(),
          "--target.update-existing");
      assertEquals(0, updated.exitCode(), updated.toString());
      assertTrue(updated.stderr().contains("webhook my-hook: updated"), updated.toString());
      assertEquals("https://hooks.example.com/ttn", webhook(two.target, "my-hook").getBaseUrl());
      assertEquals(2, two.target.settings(ApplicationWebhook.class, target).size());
    }
  }

  @Test
  void mapsInAnyOrderAreEqualAndADifferenceShowsValuesButNoHeader() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0)) {
      Application.Builder application = SampleSettings.application("my-app").toBuilder();
      ApplicationWebhook.Builder hook = SampleSettings.webhook("my-app", "my-hook").toBuilder();
      for (String name : List.of("farm", "crop", "owner", "region", "season")) {
        application.putAttributes(name, name + "-value");
        hook.putHeaders("X-" + name, "token-" + name).putTemplateFields(name, name + "-field");
      }
      SampleSettings.put(two.source, "my-app");
      two.source.addApplication(application.build());
      two.source.putSetting("my-app", hook.build());
      Path file = folder.resolve("maps.settings.json");
      assertEquals(0, two.run("application-settings", "--source", "ttnv3", "my-app",
          "--output", file.toString()).exitCode());

      CliRun.Result created = two.run("import-application-settings", file.toString());
      assertEquals(0, created.exitCode(), created.toString());
      for (int i = 0; i < 10; i++) {
        CliRun.Result again = two.run("import-application-settings", file.toString());
        assertEquals(0, again.exitCode(), "run " + i + "\n" + again);
        assertTrue(again.stderr().contains("application: equal in the target")
            && again.stderr().contains("webhook my-hook: equal in the target"), again.toString());
      }

      String target = TwoDeployments.TARGET_APP;
      two.target.putSetting(target, application.setIds(ApplicationIdentifiers.newBuilder()
          .setApplicationId(target)).putAttributes("crop", "wheat").build());
      two.target.putSetting(target, webhook(two.target, "my-hook").toBuilder()
          .putHeaders("X-owner", "token-someone-else").build());
      CliRun.Result differing = two.run("import-application-settings", file.toString());

      assertEquals(ExitCodes.SOME_FAILED, differing.exitCode(), differing.toString());
      assertTrue(differing.stderr().contains("application: differs in the target and was left"
          + " alone; --target.update-existing overwrites it: attributes (export"
          + " {\"crop\":\"crop-value\"}, target {\"crop\":\"wheat\"})"), differing.toString());
      assertTrue(differing.stderr().contains("webhook my-hook: differs in the target and was left"
          + " alone; --target.update-existing overwrites it: headers (a secret: export and target"
          + " differ, neither is shown)"), differing.toString());
      assertFalse(differing.stderr().contains("token-"), differing.toString());
    }
  }

  @Test
  void olderTargetRefusingPausedGetsEverythingElseAndOneWarning() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0, TtsSimulator.builder()
        .refusing(WEBHOOK_GET, "paused").refusing(WEBHOOK_SET, "paused"))) {
      Path file = exported(two);
      CliRun.Result result = two.run("import-application-settings", file.toString());
      assertEquals(0, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("refuses field-mask path(s) [paused] in " + WEBHOOK_GET),
          result.toString());
      assertEquals(1, result.stderr().split("\\[paused] in " + WEBHOOK_SET, -1).length - 1,
          result.toString());
      ApplicationWebhook stored = webhook(two.target, "my-hook");
      assertFalse(stored.getPaused());
      assertEquals(SampleSettings.DOWNLINK_KEY, stored.getDownlinkApiKey());
      assertTrue(two.target.writes().stream().filter(call -> call.method().equals("Set"))
          .noneMatch(call -> call.fieldMaskPaths().contains("paused")
              && call.sequence() == two.target.writes().get(two.target.writes().size() - 1)
                  .sequence()));
    }
  }

  private static ApplicationWebhook webhook(TtsSimulator tts, String id) {
    return tts.settings(ApplicationWebhook.class, TwoDeployments.TARGET_APP).stream()
        .filter(webhook -> webhook.getIds().getWebhookId().equals(id)).findFirst().orElseThrow();
  }

  private static <M extends Message> M only(TtsSimulator tts, Class<M> type) {
    return only(tts, type, TwoDeployments.TARGET_APP);
  }

  private static <M extends Message> M only(TtsSimulator tts, Class<M> type, String app) {
    List<M> items = tts.settings(type, app);
    assertEquals(1, items.size(), items.toString());
    return items.get(0);
  }

  @Test
  void migrateWithApplicationSettingsMovesTheSettingsFirstThenTheDevices() throws IOException {
    try (TwoDeployments two = new TwoDeployments(2)) {
      SampleSettings.put(two.source, "my-app");
      CliRun.Result result = two.run("migrate", "application", "--source", "ttnv3", "my-app",
          "--with-application-settings");
      assertEquals(0, result.exitCode(), result.toString());
      assertNoSecrets(result);
      assertEquals(SampleSettings.DOWNLINK_KEY,
          webhook(two.target, "my-hook").getDownlinkApiKey());
      assertTrue(two.anywhereInTarget("my-device"), result.toString());
      List<CallInfo> writes = two.target.writes();
      int firstCreate = writes.indexOf(writes.stream()
          .filter(call -> call.method().equals("Create")).findFirst().orElseThrow());
      assertTrue(writes.subList(firstCreate, writes.size()).stream()
          .noneMatch(call -> call.deviceId().equals("my-hook")), writes.toString());
    }
  }

  @Test
  void migrateWithDifferingSettingsMovesNoDevice() throws IOException {
    try (TwoDeployments two = new TwoDeployments(0)) {
      SampleSettings.put(two.source, "my-app");
      two.target.putSetting(TwoDeployments.TARGET_APP, SampleSettings.webhook(
          TwoDeployments.TARGET_APP, "my-hook").toBuilder().setFormat("protobuf").build());
      CliRun.Result result = two.run("migrate", "application", "--source", "ttnv3", "my-app",
          "--with-application-settings");
      assertEquals(ExitCodes.SOME_FAILED, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("no device was moved"), result.toString());
      assertFalse(two.anywhereInTarget("my-device"), result.toString());
    }
  }
}
