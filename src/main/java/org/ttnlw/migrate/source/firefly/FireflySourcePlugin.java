package org.ttnlw.migrate.source.firefly;

import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.ListsAllPlugin;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SourceStep;

/** Digimondo Firefly, over its HTTP JSON API. */
public final class FireflySourcePlugin implements ListsAllPlugin<FireflyOptions> {
  @Override
  public String name() {
    return "firefly";
  }

  @Override
  public List<String> aliases() {
    return List.of();
  }

  @Override
  public String description() {
    return "Digimondo Firefly, over its HTTP JSON API (devices named by DevEUI)";
  }

  @Override
  public List<String> environmentPrefixes() {
    return List.of("FIREFLY_");
  }

  @Override
  public FireflyOptions newOptions() {
    return new FireflyOptions();
  }

  @Override
  public IdSyntax deviceIds() {
    return FireflySourcePlugin::devEuiProblem;
  }

  @Override
  public IdSyntax applicationIds() {
    return id -> id.matches("[0-9]{1,18}") ? null : "Firefly application IDs are numbers";
  }

  static String devEuiProblem(String id) {
    return id.matches("[0-9A-Fa-f]{16}") ? null
        : "Firefly devices are named by their DevEUI, 16 hex digits";
  }

  @Override
  public boolean exportsAll(FireflyOptions options) {
    return options.all;
  }

  @Override
  public MigrationChoices choices(FireflyOptions options) {
    return new MigrationChoices(false,
        options.invalidateKeys ? SourceStep.DISABLE : SourceStep.KEEP, Disabling.KEYS);
  }

  @Override
  public ListsAllSource open(FireflyOptions options, CallSettings context) {
    return new FireflySource(FireflyConfig.from(options), context,
        RequestPacer.firefly());
  }
}
