package org.ttnlw.migrate.source.wanesy;

import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.ListsAllPlugin;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SourceStep;

/** Kerlink Wanesy Management Center, from a CSV export of its devices. */
public final class WanesySourcePlugin implements ListsAllPlugin<WanesyOptions> {
  @Override
  public String name() {
    return "wanesy";
  }

  @Override
  public List<String> aliases() {
    return List.of();
  }

  @Override
  public String description() {
    return "Kerlink Wanesy Management Center, from a CSV export (devices named by DevEUI,"
        + " applications by WMC cluster)";
  }

  @Override
  public List<String> environmentPrefixes() {
    return List.of("WANESY_");
  }

  @Override
  public WanesyOptions newOptions() {
    return new WanesyOptions();
  }

  @Override
  public IdSyntax deviceIds() {
    return id -> id.matches("[0-9A-Fa-f]{16}") ? null
        : "Wanesy devices are named by their DevEUI, 16 hex digits";
  }

  @Override
  public IdSyntax applicationIds() {
    return id -> id.chars().anyMatch(Character::isISOControl) ? "a cluster ID or name is text"
        : null;
  }

  @Override
  public boolean exportsAll(WanesyOptions options) {
    return options.all;
  }

  @Override
  public MigrationChoices choices(WanesyOptions options) {
    return new MigrationChoices(false, SourceStep.KEEP, Disabling.DEVICE);
  }

  @Override
  public ListsAllSource open(WanesyOptions options, CallSettings context) {
    return new WanesySource(WanesyConfig.from(options));
  }
}
