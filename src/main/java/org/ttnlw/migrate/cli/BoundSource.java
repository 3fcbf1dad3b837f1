package org.ttnlw.migrate.cli;

import java.util.List;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceContext;
import org.ttnlw.migrate.source.SourcePlugin;

/** A source plugin together with the options object its flags are parsed into. */
record BoundSource<O>(SourcePlugin<O> plugin, O options) {

  static <O> BoundSource<O> of(SourcePlugin<O> plugin) {
    return new BoundSource<>(plugin, plugin.newOptions());
  }

  Source open(SourceContext context) {
    return plugin.open(options, context);
  }

  MigrationChoices choices() {
    return plugin.choices(options);
  }

  List<String> chosenApplications() {
    return plugin.chosenApplications(options);
  }
}
