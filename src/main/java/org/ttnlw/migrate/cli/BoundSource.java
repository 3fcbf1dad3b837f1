package org.ttnlw.migrate.cli;

import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceContext;
import org.ttnlw.migrate.source.SourcePlugin;
import picocli.CommandLine.Model.CommandSpec;

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

  boolean exportsAll() {
    return plugin.exportsAll(options);
  }

  /** Offers the source's flags on {@code command}, as {@code --NAME.FLAG} or as {@code --FLAG}. */
  void offerFlags(CommandSpec command, boolean prefixed, EnvironmentDefaults environment) {
    PrefixedFlags.addTo(command, options, prefixed ? "--" + plugin.name() + "." : "--",
        plugin.environmentPrefixes(), environment);
  }
}
