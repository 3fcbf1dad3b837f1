package org.ttnlw.migrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ttnlw.migrate.source.GatewaysPlugin;
import org.ttnlw.migrate.source.ListsAllPlugin;
import org.ttnlw.migrate.source.SelectingPlugin;
import org.ttnlw.migrate.source.SettingsPlugin;
import org.ttnlw.migrate.source.SourcePlugin;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What each known source has beyond devices, as its plugin's interfaces declare it. The help and
 * the messages name these sources (e.g. "--with-gateways needs a source with gateways (ttnv3,
 * chirpstack)").
 */
class SourceCapabilitiesTest {
  private static List<String> namesOf(Class<?> capability) {
    return SourcePlugins.all().stream().filter(capability::isInstance).map(SourcePlugin::name)
        .toList();
  }

  @Test
  void gatewaysAndApplicationSettingsMoveFromTtsAndChirpStack() {
    assertEquals(List.of("ttnv3", "chirpstack"), namesOf(GatewaysPlugin.class));
    assertEquals(List.of("ttnv3", "chirpstack"), namesOf(SettingsPlugin.class));
  }

  @Test
  void devicesAreSelectedByWhatTheListTellsOnTtsAndChirpStack() {
    assertEquals(List.of("ttnv3", "chirpstack"), namesOf(SelectingPlugin.class));
  }

  @Test
  void aSourceWhoseListTellsNothingRefusesEveryFilter() {
    CliRun.Result refused = CliRun.run(Map.of(), "", "list", "--source", "wanesy",
        "--select", "attribute:site=hall-3", "--wanesy.all");
    assertEquals(ExitCodes.USAGE, refused.exitCode(), refused.toString());
    assertTrue(refused.stderr().contains("--select: source wanesy cannot select on attributes"
        + " (tags): its device list tells nothing beyond the device IDs (--ids-file and --limit"
        + " work with every source)"), refused.toString());
  }

  @Test
  void exactlyTheSourcesThatListAllTheirDevicesHaveAnAllFlag() {
    assertEquals(List.of("firefly", "wanesy", "awsiot", "csv"), namesOf(ListsAllPlugin.class));
    for (SourcePlugin<?> plugin : SourcePlugins.all()) {
      boolean allFlag = CommandSpec.forAnnotatedObject(plugin.newOptions())
          .findOption("--all") != null;
      // A sheet is one application: csv's application always exports every row, with no flag.
      boolean always = plugin.name().equals("csv");
      assertEquals(plugin instanceof ListsAllPlugin<?> && !always, allFlag, plugin.name());
    }
  }

  @Test
  void aSourceWithoutTheCapabilityIsAUsageErrorNamingThoseThatHaveIt() {
    CliRun.Result gateways = CliRun.run(Map.of(), "", "migrate", "application", "--source",
        "firefly", "--with-gateways", "0016c001ff000001", "12");
    assertEquals(ExitCodes.USAGE, gateways.exitCode(), gateways.toString());
    assertTrue(gateways.stderr().contains("--with-gateways needs a source with gateways (ttnv3,"
        + " chirpstack), not firefly"), gateways.toString());

    CliRun.Result settings = CliRun.run(Map.of(), "", "migrate", "application", "--source",
        "wanesy", "--with-application-settings", "cluster");
    assertEquals(ExitCodes.USAGE, settings.exitCode(), settings.toString());
    assertTrue(settings.stderr().contains("--with-application-settings needs a source with"
        + " application settings that move (ttnv3, chirpstack), not wanesy"), settings.toString());
  }
}
