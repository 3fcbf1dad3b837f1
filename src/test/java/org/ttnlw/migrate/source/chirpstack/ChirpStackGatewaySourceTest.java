package org.ttnlw.migrate.source.chirpstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.LONG_NAMED_GATEWAY;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.OTHER_TENANT;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.OTHER_TENANT_GATEWAY;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.ROOFTOP_GATEWAY;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.TAGGED_GATEWAY;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.TENANT;
import static org.ttnlw.migrate.sim.chirpstack.SampleChirpStack.gatewayEui;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceCount;
import org.ttnlw.migrate.core.Futures;
import org.ttnlw.migrate.core.GatewayRef;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.proto.Gateway;
import org.ttnlw.migrate.proto.GatewayAntenna;
import org.ttnlw.migrate.proto.GatewayIdentifiers;
import org.ttnlw.migrate.proto.Location;
import org.ttnlw.migrate.proto.LocationSource;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackCall;
import org.ttnlw.migrate.sim.chirpstack.ChirpStackSimulator;
import org.ttnlw.migrate.sim.chirpstack.SampleChirpStack;
import org.ttnlw.migrate.source.GatewaySource;
import picocli.CommandLine;

/**
 * ChirpStack's gateways through {@link ChirpStackSourcePlugin#openGateways}, over real gRPC with
 * TLS against the simulator: each mapping rule, paging, tenant and admin keys, missing gateways
 * and deletion.
 */
class ChirpStackGatewaySourceTest {
  private static final String ADMIN_KEY = "admin-key-do-not-log";
  private static final String TENANT_KEY = "tenant-key-do-not-log";
  private static final String READ_ONLY_KEY = "read-only-key-do-not-log";
  private static final CallSettings CONTEXT = new CallSettings(4, Duration.ofSeconds(5), 0);

  private final ChirpStackSourcePlugin plugin = new ChirpStackSourcePlugin();
  private final Logger logger = (Logger) LoggerFactory.getLogger("org.ttnlw.migrate.source");
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<GatewaySource> opened = new ArrayList<>();
  private ChirpStackSimulator simulator;

  @BeforeEach
  void start() throws Exception {
    simulator = ChirpStackSimulator.builder().adminKey(ADMIN_KEY)
        .tenantKey(TENANT_KEY, TENANT).readOnlyTenantKey(READ_ONLY_KEY, TENANT)
        .tls(true).start();
    SampleChirpStack.seedGateways(simulator);
    logs.start();
    logger.addAppender(logs);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(logs);
    opened.forEach(GatewaySource::close);
    simulator.close();
    for (String line : lines()) {
      for (String key : List.of(ADMIN_KEY, TENANT_KEY, READ_ONLY_KEY)) {
        assertFalse(line.contains(key), "a key was logged: " + line);
      }
    }
  }

  private ChirpStackOptions options(String key) {
    ChirpStackOptions options = plugin.newOptions();
    new CommandLine(options).parseArgs("--api-url", simulator.address(), "--api-key", key,
        "--ca-file", simulator.caFile().toString(), "--frequency-plan-id", "EU_863_870");
    return options;
  }

  private GatewaySource open(String key, Consumer<ChirpStackOptions> change) {
    ChirpStackOptions options = options(key);
    change.accept(options);
    GatewaySource source = plugin.openGateways(options, CONTEXT);
    opened.add(source);
    return source;
  }

  private GatewaySource admin() {
    return open(ADMIN_KEY, options -> {});
  }

  private Gateway fetch(GatewaySource source, String eui) {
    return Futures.await(source.fetch(source.resolve(eui)));
  }

  private List<String> lines() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private List<String> warnings() {
    return logs.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
        .map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static ByteString eui(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  private static List<String> all(Iterator<GatewayRef> list) {
    List<String> euis = new ArrayList<>();
    list.forEachRemaining(ref -> euis.add(ref.id()));
    return euis;
  }

  @Test
  void theRooftopGatewayBecomesExactlyThisTtsGateway() {
    Gateway gateway = fetch(admin(), ROOFTOP_GATEWAY.toUpperCase());

    Gateway expected = Gateway.newBuilder()
        .setIds(GatewayIdentifiers.newBuilder().setGatewayId("eui-" + ROOFTOP_GATEWAY)
            .setEui(eui(ROOFTOP_GATEWAY)))
        .setName("Rooftop Amsterdam")
        .setDescription("Kerlink iStation on the roof")
        .putAttributes("site", "amsterdam")
        .putAttributes("antenna-type", "omni")
        .addFrequencyPlanIds("EU_863_870")
        .addAntennas(GatewayAntenna.newBuilder().setLocation(Location.newBuilder()
            .setLatitude(52.3731).setLongitude(4.8922).setAltitude(13)
            .setSource(LocationSource.SOURCE_REGISTRY)))
        .build();
    assertEquals(expected, gateway, "metadata, stats interval, downlink priority, tenant and"
        + " timestamps are not carried over");
    assertEquals(List.of("GatewayService/Get " + ROOFTOP_GATEWAY),
        simulator.calls().stream().map(ChirpStackCall::toString).toList());
  }

  @Test
  void tagsAreRepairedOrDroppedWithOneWarningEach() {
    fetch(admin(), ROOFTOP_GATEWAY);

    String gateway = "gateway " + ROOFTOP_GATEWAY + ": ";
    assertEquals(List.of(
        gateway + "tag \"notes\" left out: its value has 201 characters, TTS allows 200",
        gateway + "tag \"Antenna_Type\" exported as attribute \"antenna-type\" (TTS attribute key"
            + " rules)",
        gateway + "tag \"owner id\" left out: TTS attribute keys are 3 to 36 lower-case letters,"
            + " digits and single dashes"), warnings());
  }

  @Test
  void aValidTagKeyWinsOverOneRepairedIntoTheSameKey() {
    simulator.putGateway(SampleChirpStack.gateway(9, TENANT)
        .putTags("Site_Name", "repaired").putTags("site-name", "valid").build());

    Gateway gateway = fetch(admin(), gatewayEui(9));

    assertEquals(Map.of("site-name", "valid"), gateway.getAttributesMap());
    assertEquals(List.of("gateway " + gatewayEui(9) + ": tag \"Site_Name\" left out: its key"
        + " becomes \"site-name\", which another tag already has"), warnings());
  }

  @Test
  void tagsAfterTheTenthAreDropped() {
    Gateway gateway = fetch(admin(), TAGGED_GATEWAY);

    assertEquals(10, gateway.getAttributesCount());
    assertEquals("value 10", gateway.getAttributesOrThrow("tag-10"));
    assertEquals(List.of(
        "gateway " + TAGGED_GATEWAY + ": tag \"tag-11\" left out: TTS allows at most 10 attributes",
        "gateway " + TAGGED_GATEWAY + ": tag \"tag-12\" left out: TTS allows at most 10 attributes"),
        warnings());
  }

  @Test
  void nameAndDescriptionAreCutToTtsLimitsAndNoLocationMeansNoAntenna() {
    Gateway gateway = fetch(admin(), LONG_NAMED_GATEWAY);

    assertEquals(SampleChirpStack.LONG_GATEWAY_NAME, gateway.getName());
    assertEquals("d".repeat(2000), gateway.getDescription());
    assertEquals(0, gateway.getAntennasCount());
    assertEquals(0, gateway.getAttributesCount());
    String subject = "gateway " + LONG_NAMED_GATEWAY + ": ";
    assertEquals(List.of(
        subject + "name cut to the 50 characters TTS allows (it had 75)",
        subject + "description cut to the 2000 characters TTS allows (it had 2100)"), warnings());
  }

  @Test
  void aLocationOffZeroIsKeptEvenOnTheEquator() {
    simulator.putGateway(SampleChirpStack.gateway(9, TENANT)
        .setLocation(org.ttnlw.migrate.chirpstack.proto.Location.newBuilder().setAltitude(-3.4))
        .build());

    Gateway gateway = fetch(admin(), gatewayEui(9));

    assertEquals(Location.newBuilder().setAltitude(-3).setSource(LocationSource.SOURCE_REGISTRY)
        .build(), gateway.getAntennas(0).getLocation());
  }

  @ParameterizedTest
  @CsvSource({
      "'', eui-0016c001ff000001",
      "'{id}', 0016c001ff000001",
      "'chirpstack-{eui}', chirpstack-0016c001ff000001",
      "'  gw-{id}  ', gw-0016c001ff000001",
  })
  void theGatewayIdFollowsTheTemplate(String template, String id) {
    GatewaySource source = open(ADMIN_KEY, options -> options.gatewayIdTemplate = template);

    assertEquals(id, fetch(source, ROOFTOP_GATEWAY).getIds().getGatewayId());
    assertEquals(id, source.targetId(source.resolve(ROOFTOP_GATEWAY.toUpperCase())),
        "the ID the hand-over waits for in the target");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "gw-{name}|unknown placeholder {name}; use {eui} or {id}",
      "my-gateway|has no placeholder, so every gateway would get the same ID",
      "GW_{eui}|gives IDs such as \"GW_0016c001ff10a235\", which TTS refuses",
      "a-very-long-prefix-for-{eui}|it is 39 characters long; TTS allows at most 36",
  })
  void aTemplateThatCannotGiveValidIdsIsAConfigurationError(String template, String problem) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> open(ADMIN_KEY, options -> options.gatewayIdTemplate = template));

    assertTrue(e.getMessage().startsWith("--gateway-id-template \"" + template + "\""),
        e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(simulator.calls().isEmpty());
  }

  @Test
  void anIdTheTemplateMakesInvalidForOneGatewayFailsThatGatewayByName() {
    ChirpStackOptions options = options(ADMIN_KEY);
    options.gatewayIdTemplate = "{id}";
    GatewayMapper mapper = new GatewayMapper(GatewayConfig.from(options));
    var upperCase = SampleChirpStack.gateway(9, TENANT).setGatewayId("0016C001FF000009").build();

    MigrationException e = assertThrows(MigrationException.class, () -> mapper.map(upperCase));

    assertEquals("gateway 0016c001ff000009: its TTS gateway ID \"0016C001FF000009\" (from"
        + " --gateway-id-template \"{id}\") is not valid: TTS IDs are 3 to 36 lower-case letters,"
        + " digits and single dashes, starting and ending with a letter or digit", e.getMessage());
  }

  @Test
  void everyRuleIsInTheDocumentedMappingTable() throws Exception {
    String docs = Files.readString(Path.of("docs", "chirpstack.md"));
    String table = docs.substring(docs.indexOf("### Gateway mapping"),
        docs.indexOf("### Gateways: what is and is not migrated"));
    for (GatewayMapper.Rule rule : GatewayMapper.RULES) {
      assertTrue(table.contains("| `" + rule.field() + "` |"), rule.field() + " is documented");
    }
  }

  @Test
  void gatewaysNeedAFrequencyPlan() {
    ConfigException missing = assertThrows(ConfigException.class,
        () -> open(ADMIN_KEY, options -> options.frequencyPlanId = null));
    ConfigException unknown = assertThrows(ConfigException.class,
        () -> open(ADMIN_KEY, options -> options.frequencyPlanId = "EU_868_TYPO"));

    assertTrue(missing.getMessage().contains("set --frequency-plan-id"), missing.getMessage());
    assertTrue(unknown.getMessage().startsWith("--frequency-plan-id:"), unknown.getMessage());
    assertTrue(simulator.calls().isEmpty());
  }

  @Test
  void aTenantIdThatIsNoUuidIsAConfigurationError() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> open(TENANT_KEY, options -> options.tenantId = "my-tenant"));

    assertTrue(e.getMessage().startsWith("invalid --tenant-id \"my-tenant\""), e.getMessage());
  }

  @Test
  void gatewayEuisAreCheckedAndWrittenInLowerCase() {
    assertNull(plugin.gatewayIds().problem("0016C001FF000001"));
    assertEquals("0016c001ff000001", plugin.gatewayIds().canonical("0016C001FF000001"));
    assertTrue(plugin.gatewayIds().problem("eui-0016c001ff000001").contains("gateway EUI"));
  }

  @Test
  void aMissingGatewayIsNamedForAdminAndTenantKeys() {
    String missing = gatewayEui(99);
    for (GatewaySource source : List.of(admin(), open(TENANT_KEY, options -> {}))) {
      MigrationException e = assertThrows(MigrationException.class, () -> fetch(source, missing));
      assertTrue(e.getMessage().startsWith("gateway " + missing + ": not found, or not visible"
          + " to this API key (gateway " + missing + ": ChirpStack GatewayService/Get at"),
          e.getMessage());
    }
  }

  @Test
  void aTenantKeyReadsItsOwnGatewaysOnly() {
    GatewaySource tenant = open(TENANT_KEY, options -> {});

    assertEquals("Rooftop Amsterdam", fetch(tenant, ROOFTOP_GATEWAY).getName());
    MigrationException e = assertThrows(MigrationException.class,
        () -> fetch(tenant, OTHER_TENANT_GATEWAY));
    assertTrue(e.getMessage().contains("not found, or not visible to this API key"),
        e.getMessage());
    assertEquals("Elsewhere", fetch(admin(), OTHER_TENANT_GATEWAY).getName());
  }

  @Test
  void listingPagesByLimitAndOffsetUntilTheTotal() {
    for (int index = 100; index < 350; index++) {
      simulator.putGateway(SampleChirpStack.gateway(index, TENANT).build());
    }
    Iterator<GatewayRef> list = admin().listAll();

    List<String> euis = all(list);

    assertEquals(254, euis.size());
    assertEquals(euis.stream().sorted().toList(), euis, "by EUI");
    assertEquals(254, DeviceCount.of(list).getAsLong());
    assertEquals(List.of("GatewayService/List tenant  offset 0 limit 100",
            "GatewayService/List tenant  offset 100 limit 100",
            "GatewayService/List tenant  offset 200 limit 100"),
        simulator.calls().stream().map(ChirpStackCall::toString).toList());
  }

  @Test
  void anAdminKeyListsEveryTenantOrTheOneAskedFor() {
    assertEquals(List.of(ROOFTOP_GATEWAY, LONG_NAMED_GATEWAY, TAGGED_GATEWAY, OTHER_TENANT_GATEWAY),
        all(admin().listAll()));
    assertEquals(List.of(OTHER_TENANT_GATEWAY),
        all(open(ADMIN_KEY, options -> options.tenantId = OTHER_TENANT.toUpperCase()).listAll()));
  }

  @Test
  void aTenantKeyListsWithItsTenantIdAndIsToldWhenItLacksOne() {
    assertEquals(List.of(ROOFTOP_GATEWAY, LONG_NAMED_GATEWAY, TAGGED_GATEWAY),
        all(open(TENANT_KEY, options -> options.tenantId = TENANT).listAll()));

    MigrationException none = assertThrows(MigrationException.class,
        () -> open(TENANT_KEY, options -> {}).listAll().hasNext());
    assertTrue(none.getMessage().startsWith("listing gateways: only an admin API key lists the"
        + " gateways of every tenant; with a tenant API key set --tenant-id"), none.getMessage());

    MigrationException other = assertThrows(MigrationException.class,
        () -> open(TENANT_KEY, options -> options.tenantId = OTHER_TENANT).listAll().hasNext());
    assertTrue(other.getMessage().startsWith("listing gateways: tenant " + OTHER_TENANT
        + " not found, or not visible to this API key"), other.getMessage());
  }

  @Test
  void anEmptyTenantIsListedWithAWarning() {
    String empty = "11111111-2222-4333-8444-555555555555";

    assertEquals(List.of(), all(open(ADMIN_KEY, options -> options.tenantId = empty).listAll()));
    assertEquals(List.of("ChirpStack lists no gateways for tenant " + empty), warnings());
  }

  @Test
  void deletingTwiceDeletesOnceForAdminAndTenantKeys() {
    for (String key : List.of(ADMIN_KEY, TENANT_KEY)) {
      String eui = key.equals(ADMIN_KEY) ? ROOFTOP_GATEWAY : TAGGED_GATEWAY;
      GatewaySource source = open(key, options -> options.deleteSourceGateway = true);

      Futures.await(source.delete(source.resolve(eui)));
      Futures.await(source.delete(source.resolve(eui)));

      assertTrue(simulator.gateway(eui).isEmpty(), eui + " is gone");
    }
    assertEquals(List.of("GatewayService/Delete " + ROOFTOP_GATEWAY,
            "GatewayService/Delete " + ROOFTOP_GATEWAY,
            "GatewayService/Delete " + TAGGED_GATEWAY,
            "GatewayService/Delete " + TAGGED_GATEWAY,
            "GatewayService/Get " + TAGGED_GATEWAY),
        simulator.calls().stream().map(ChirpStackCall::toString).toList());
  }

  @Test
  void aReadOnlyKeyThatCannotDeleteIsToldSoAndTheGatewayStays() {
    GatewaySource source = open(READ_ONLY_KEY, options -> {});

    MigrationException e = assertThrows(MigrationException.class,
        () -> Futures.await(source.delete(source.resolve(ROOFTOP_GATEWAY))));

    assertTrue(e.getMessage().startsWith("deleting gateway " + ROOFTOP_GATEWAY + ": ChirpStack"
        + " refused and the gateway is still there; the API key may read but not delete it"),
        e.getMessage());
    assertTrue(simulator.gateway(ROOFTOP_GATEWAY).isPresent());
  }

  @Test
  void deletionIsTheOperatorsChoice() {
    ChirpStackOptions options = options(ADMIN_KEY);
    assertFalse(plugin.deletesSourceGateways(options));
    options.deleteSourceGateway = true;
    assertTrue(plugin.deletesSourceGateways(options));
  }

  @Test
  void openingMakesNoCall() {
    admin();
    open(TENANT_KEY, options -> options.tenantId = TENANT);

    assertTrue(simulator.calls().isEmpty());
  }
}
