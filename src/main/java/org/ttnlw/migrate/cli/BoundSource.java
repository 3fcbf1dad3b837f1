package org.ttnlw.migrate.cli;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourcePlugin;
import picocli.CommandLine.Model.CommandSpec;

/** A source plugin together with the options object its flags are parsed into. */
record BoundSource<O>(SourcePlugin<O> plugin, O options) {

  static <O> BoundSource<O> of(SourcePlugin<O> plugin) {
    return new BoundSource<>(plugin, plugin.newOptions());
  }

  Source open(CallSettings context) {
    return plugin.open(options, context);
  }

  ApplicationSettingsSource openSettings(CallSettings context) {
    return plugin.openApplicationSettings(options, context);
  }

  MigrationChoices choices() {
    return plugin.choices(options);
  }

  boolean exportsAll() {
    return plugin.exportsAll(options);
  }

  GatewaySource openGateways(CallSettings context) {
    return plugin.openGateways(options, context);
  }

  boolean deletesSourceGateways() {
    return plugin.deletesSourceGateways(options);
  }

  /**
   * Rewrites the source's messages, which name its flags as {@code --FLAG}, to name them as the
   * user typed them: {@code --NAME.FLAG} in the {@code --source NAME} form.
   */
  UnaryOperator<String> flagsAsTyped(boolean prefixed) {
    if (!prefixed) {
      return UnaryOperator.identity();
    }
    String names = CommandSpec.forAnnotatedObject(options).options().stream()
        .flatMap(option -> Arrays.stream(option.names()))
        .map(name -> Pattern.quote(name.substring(2)))
        .collect(Collectors.joining("|"));
    Pattern flag = Pattern.compile("(?<![\\w.-])--(" + names + ")(?![\\w-])");
    String replacement = Matcher.quoteReplacement("--" + plugin.name() + ".");
    return message -> flag.matcher(message).replaceAll(replacement + "$1");
  }

  /** Offers the source's flags on {@code command}, as {@code --NAME.FLAG} or as {@code --FLAG}. */
  void offerFlags(CommandSpec command, boolean prefixed, EnvironmentDefaults environment) {
    PrefixedFlags.addTo(command, options, prefixed ? "--" + plugin.name() + "." : "--",
        plugin.environmentPrefixes(), environment);
  }
}
