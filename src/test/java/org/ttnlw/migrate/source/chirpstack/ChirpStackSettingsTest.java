package org.ttnlw.migrate.source.chirpstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.chirpstack.proto.Encoding;
import org.ttnlw.migrate.cli.CliRun;
import org.ttnlw.migrate.cli.ExitCodes;
import org.ttnlw.migrate.json.TtsJson;
import org.ttnlw.migrate.proto.ApplicationSettings;
import org.ttnlw.migrate.proto.ApplicationWebhook;
import org.ttnlw.migrate.sim.TtsSimulator;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackCall;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;

/**
 * {@code application-settings} from ChirpStack, in both command forms, and {@code migrate
 * application --with-application-settings} into a TTS target: the application's name,
 * description and tags, the HTTP integration as one webhook, and every other integration listed
 * as not migrated.
 */
class ChirpStackSettingsTest {
  private static final String APP = SampleChirpStack.APPLICATION;
  private static final String URL = SampleChirpStack.HTTP_URL;
  private static final String HEADER_SECRET = SampleChirpStack.HTTP_HEADER_SECRET;
  private static final String TARGET_KEY = "NNSXS.SETTINGS-TARGET-KEY";
  private ChirpStackSimulator chirpstack;

  @BeforeEach
  void start() throws Exception {
    chirpstack = ChirpStackSimulator.builder().adminKey(CliRun.API_KEY)
        .tenantKey(ChirpStackExportTest.TENANT_KEY, SampleChirpStack.TENANT).tls(true).start();
    SampleChirpStack.seed(chirpstack);
    SampleChirpStack.putSettings(chirpstack);
  }

  @AfterEach
  void stop() {
    chirpstack.close();
  }

  private CliRun.Result run(Map<String, String> environment, String... args) {
    CliRun.Result result = CliRun.run(environment, "", args);
    for (String secret : List.of(HEADER_SECRET, "URL-SECRET", TARGET_KEY)) {
      assertFalse(result.stderr().contains(secret), secret + " was logged\n" + result);
    }
    return result;
  }

  private CliRun.Result export(String... args) {
    return run(ChirpStackExportTest.environment(chirpstack), args);
  }

  private static ApplicationSettings parse(CliRun.Result result) {
    assertEquals(1, result.stdout().lines().count(), result.toString());
    return TtsJson.instance().merge(result.stdout().strip(), ApplicationSettings.newBuilder())
        .build();
  }

  @Test
  void applicationAndHttpIntegrationBecomeTtsSettingsAndTheRestIsListed() {
    CliRun.Result result = export("chirpstack", "application-settings", APP.toUpperCase(),
        "--verbose");

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    ApplicationSettings settings = parse(result);
    assertEquals(APP, settings.getApplication().getIds().getApplicationId());
    assertEquals("Parking sensors", settings.getApplication().getName());
    assertEquals("Level 2 and 3", settings.getApplication().getDescription());
    assertEquals(Map.of("chirpstack-application-id", APP, "site-name", "north", "floor", "2"),
        settings.getApplication().getAttributesMap());
    assertEquals(1, settings.getWebhooksCount());
    ApplicationWebhook webhook = settings.getWebhooks(0);
    assertEquals("chirpstack-http", webhook.getIds().getWebhookId());
    assertEquals(URL, webhook.getBaseUrl());
    assertEquals(Map.of("Authorization", HEADER_SECRET), webhook.getHeadersMap());
    assertEquals("protobuf", webhook.getFormat());
    for (ApplicationWebhook.Message enabled : List.of(webhook.getUplinkMessage(),
        webhook.getJoinAccept(), webhook.getDownlinkAck(), webhook.getDownlinkNack(),
        webhook.getDownlinkSent(), webhook.getLocationSolved())) {
      assertEquals("", enabled.getPath());
    }
    assertTrue(webhook.hasUplinkMessage() && webhook.hasJoinAccept() && webhook.hasDownlinkAck()
        && webhook.hasDownlinkNack() && webhook.hasDownlinkSent() && webhook.hasLocationSolved(),
        webhook.toString());
    assertFalse(webhook.hasUplinkNormalized() || webhook.hasDownlinkFailed()
        || webhook.hasDownlinkQueued() || webhook.hasServiceData(), webhook.toString());
    assertEquals(0, settings.getPubsubsCount());
    assertFalse(settings.hasLink());
    assertEquals(SampleChirpStack.settingsDocument(), settings);
    String stderr = result.stderr();
    assertTrue(stderr.contains("application " + APP + ": not migrated: InfluxDB integration: TTS"
        + " has no InfluxDB integration"), stderr);
    assertTrue(stderr.contains("not migrated: MQTT integration: ChirpStack's MQTT integration is"
        + " server-wide"), stderr);
    assertTrue(stderr.contains("not migrated: HTTP integration: ChirpStack's StatusEvent,"
        + " LogEvent, IntegrationEvent have no TTS webhook message"), stderr);
    assertTrue(chirpstack.writes().isEmpty(), chirpstack.writes().toString());
  }

  @Test
  void genericFormWithPrefixedFlagsWritesTheSameDocument() {
    CliRun.Result perSource = export("chirpstack", "application-settings", APP);
    Map<String, String> environment = new HashMap<>();
    CliRun.Result generic = run(environment, "application-settings", "--source", "chirpstack",
        APP, "--chirpstack.api-url", chirpstack.address(), "--chirpstack.api-key",
        ChirpStackExportTest.TENANT_KEY, "--chirpstack.ca-file", chirpstack.caFile().toString());

    assertEquals(ExitCodes.OK, generic.exitCode(), generic.toString());
    assertEquals(parse(perSource), parse(generic));
  }

  @Test
  void jsonEncodingIsFormatJson() {
    chirpstack.putHttpIntegration(SampleChirpStack.http(Encoding.JSON, URL));

    CliRun.Result result = export("chirpstack", "application-settings", APP);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals("json", parse(result).getWebhooks(0).getFormat());
  }

  @Test
  void anEndpointThatIsNotOneUrlMakesNoWebhookAndIsListed() {
    chirpstack.putHttpIntegration(SampleChirpStack.http(Encoding.JSON,
        URL + ",https://second.example.com/events"));

    CliRun.Result result = export("chirpstack", "application-settings", APP);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(0, parse(result).getWebhooksCount());
    assertTrue(result.stderr().contains("not migrated: HTTP integration: its event endpoint is"
        + " not one http(s) URL"), result.toString());
  }

  @Test
  void anApplicationWithoutHttpIntegrationHasNoWebhookAndAsksForNone() {
    chirpstack.putApplication(SampleChirpStack.OTHER_APPLICATION, SampleChirpStack.TENANT);

    CliRun.Result result = export("chirpstack", "application-settings",
        SampleChirpStack.OTHER_APPLICATION);

    assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
    assertEquals(0, parse(result).getWebhooksCount());
    assertFalse(result.stderr().contains("not migrated"), result.toString());
    assertTrue(chirpstack.calls().stream().map(ChirpStackCall::method)
        .noneMatch(method -> method.endsWith("/GetHttpIntegration")), chirpstack.calls()
        .toString());
  }

  @Test
  void anApplicationOfAnotherTenantFailsNamingIt() {
    Map<String, String> environment = ChirpStackExportTest.environment(chirpstack);
    environment.put("CHIRPSTACK_API_KEY", ChirpStackExportTest.TENANT_KEY);

    CliRun.Result result = run(environment, "chirpstack", "application-settings",
        SampleChirpStack.OTHER_APPLICATION);

    assertEquals(ExitCodes.EXPORT_FAILED, result.exitCode(), result.toString());
    assertTrue(result.stdout().isEmpty(), result.toString());
    assertTrue(result.stderr().contains("application " + SampleChirpStack.OTHER_APPLICATION)
        && result.stderr().contains("not visible to this API key"), result.toString());
  }

  @Test
  void aSourceWithoutSettingsIsRefusedNamingThoseThatHaveThem() {
    CliRun.Result result = export("application-settings", "--source", "firefly", APP);

    assertEquals(ExitCodes.USAGE, result.exitCode(), result.toString());
    assertTrue(result.stderr().contains("application settings move only from ttnv3, tts,"
        + " chirpstack, not from \"firefly\""), result.toString());
  }

  @Test
  void migrateWithApplicationSettingsMovesThemFirstInBothForms() throws Exception {
    SampleChirpStack.putJoinedOtaa(chirpstack, 1);
    try (TtsSimulator target = TtsSimulator.builder().apiKey(TARGET_KEY).tls(true).start()) {
      target.addApplication("new-app");
      Map<String, String> environment = new HashMap<>(
          ChirpStackExportTest.environment(chirpstack));
      environment.put("TARGET_DEFAULT_GRPC_ADDRESS", target.address());
      environment.put("TARGET_APP_API_KEY", TARGET_KEY);
      environment.put("TARGET_CA_FILE", target.caFile().toString());

      CliRun.Result result = run(environment, "migrate", "application", "--source",
          "chirpstack", APP, "--target.app-id", "new-app", "--with-application-settings");

      assertEquals(ExitCodes.OK, result.exitCode(), result.toString());
      assertTrue(result.stderr().contains("webhook chirpstack-http: created"), result.toString());
      assertTrue(result.stderr().contains("not migrated: InfluxDB integration"),
          result.toString());
      ApplicationWebhook webhook = target.settings(ApplicationWebhook.class, "new-app").get(0);
      assertEquals(URL, webhook.getBaseUrl());
      assertEquals("new-app", webhook.getIds().getApplicationIds().getApplicationId());
      org.ttnlw.migrate.proto.Application application =
          target.settings(org.ttnlw.migrate.proto.Application.class, "new-app").get(0);
      assertEquals("Parking sensors", application.getName());
      assertEquals(APP, application.getAttributesOrThrow("chirpstack-application-id"));
      assertEquals(1, result.devices().size());

      CliRun.Result again = run(environment, "chirpstack", "migrate", "application", APP,
          "--target.app-id", "new-app", "--with-application-settings");
      assertEquals(ExitCodes.OK, again.exitCode(), again.toString());
      assertTrue(again.stderr().contains("webhook chirpstack-http: equal in the target, left"
          + " alone"), again.toString());
    }
  }
}
