package org.ttnlw.migrate.source.csv;

import java.util.List;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.ListsAllPlugin;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SourceStep;

/**
 * A device sheet: TTS's CSV import format, or a key sheet of any network (LORIOT, ThingPark,
 * Helium, or made by hand) read through a column map.
 */
public final class CsvSourcePlugin implements ListsAllPlugin<CsvOptions> {
  @Override
  public String name() {
    return "csv";
  }

  @Override
  public List<String> aliases() {
    return List.of();
  }

  @Override
  public String description() {
    return "a device sheet: TTS's CSV import format, or any key sheet through --columns"
        + " (devices named by DevEUI; application exports every row)";
  }

  @Override
  public List<String> environmentPrefixes() {
    return List.of("CSV_");
  }

  @Override
  public CsvOptions newOptions() {
    return new CsvOptions();
  }

  @Override
  public IdSyntax deviceIds() {
    return id -> id.replaceAll("[-:]", "").matches("[0-9A-Fa-f]{1,16}") ? null
        : "devices of a sheet are named by their DevEUI, up to 16 hex digits";
  }

  @Override
  public IdSyntax applicationIds() {
    return id -> "application takes no IDs with the csv source: it exports every row of the"
        + " sheet into --app-id";
  }

  /** The sheet is one application: {@code application} always exports every row. */
  @Override
  public boolean exportsAll(CsvOptions options) {
    return true;
  }

  @Override
  public MigrationChoices choices(CsvOptions options) {
    return new MigrationChoices(false, SourceStep.KEEP, Disabling.DEVICE);
  }

  @Override
  public ListsAllSource open(CsvOptions options, CallSettings context) {
    return new CsvSource(CsvConfig.from(options));
  }
}
