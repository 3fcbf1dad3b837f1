package org.ttnlw.migrate.source.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The flags of the CSV source, offered as {@code --csv.NAME} next to {@code --source csv} and as
 * {@code --NAME} under {@code ttn-lw-migrate csv}; each also reads {@code CSV_NAME}.
 */
public final class CsvOptions {
  @Option(names = "--csv-path", paramLabel = "FILE",
      description = "The device sheet: TTS's CSV import format, or any sheet read through"
          + " --columns. Required.")
  Path csvPath;

  @Option(names = "--app-id", paramLabel = "ID",
      description = "TTS application ID the devices are exported into. Required.")
  String appId;

  @Option(names = "--frequency-plan-id", paramLabel = "PLAN",
      description = "TTS frequency plan of the rows whose frequency_plan_id is empty, e.g."
          + " EU_863_870_TTN; checked against TTS's plans and each row's band_id.")
  String frequencyPlanId;

  @Option(names = "--mac-version", paramLabel = "VERSION",
      description = "LoRaWAN version of the rows whose lorawan_version is empty, e.g. 1.0.3 or"
          + " 1.0.2b.")
  String macVersion;

  @Option(names = "--columns", paramLabel = "FIELD=COLUMN,...",
      description = "Where each field of TTS's format is in the sheet: by header name"
          + " (dev_eui=DevEUI,app_key=AppKey) or, for a sheet without a header, by position from"
          + " 1 (dev_eui=2,app_key=4). A field not named is read from its own column, if any.")
  String columns;

  @Option(names = "--columns-file", paramLabel = "FILE",
      description = "The --columns map in a file, one FIELD=COLUMN a line; # starts a comment.")
  Path columnsFile;

  @Option(names = "--where", paramLabel = "COLUMN=VALUE",
      description = "Read only the rows whose COLUMN (name or position) holds VALUE; repeat it"
          + " for more values of one column (any of them) or for more columns (all of them).")
  List<String> where = new ArrayList<>();
}
