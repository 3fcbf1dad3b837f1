package org.ttnlw.migrate.cli;

import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.source.awsiot.AwsIotSourcePlugin;
import org.ttnlw.migrate.source.chirpstack.ChirpStackSourcePlugin;
import org.ttnlw.migrate.source.csv.CsvSourcePlugin;
import org.ttnlw.migrate.source.firefly.FireflySourcePlugin;
import org.ttnlw.migrate.source.tts.TtsSourcePlugin;
import org.ttnlw.migrate.source.wanesy.WanesySourcePlugin;

/** The sources this tool knows, by name or alias. */
public final class SourcePlugins {
  private static final List<SourcePlugin<?>> ALL = List.of(new TtsSourcePlugin(),
      new ChirpStackSourcePlugin(), new FireflySourcePlugin(), new WanesySourcePlugin(),
      new AwsIotSourcePlugin(), new CsvSourcePlugin());

  private SourcePlugins() {}

  public static List<SourcePlugin<?>> all() {
    return ALL;
  }

  public static Optional<SourcePlugin<?>> find(String nameOrAlias) {
    return ALL.stream()
        .filter(p -> p.name().equals(nameOrAlias) || p.aliases().contains(nameOrAlias))
        .findFirst();
  }
}
