package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.CallSettings;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.source.ApplicationSettingsSource;
import org.ttnlw.migrate.source.GatewaySource;
import org.ttnlw.migrate.source.GatewaysPlugin;
import org.ttnlw.migrate.source.ListsAllPlugin;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SettingsPlugin;
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

  /** Opens the source's application settings, for a plugin that has them. */
  ApplicationSettingsSource openSettings(CallSettings context) {
    if (plugin instanceof SettingsPlugin<O> settings) {
      return settings.openApplicationSettings(options, context);
    }
    throw new IllegalStateException(plugin.name() + " has no application settings");
  }

  MigrationChoices choices() {
    return plugin.choices(options);
  }

  boolean exportsAll() {
    return plugin instanceof ListsAllPlugin<O> lister && lister.exportsAll(options);
  }

  /** How the source writes its gateway IDs, for a plugin with gateways. */
  IdSyntax gatewayIds() {
    return gatewaysPlugin().gatewayIds();
  }

  /** Opens the source's gateways, for a plugin with gateways. */
  GatewaySource openGateways(CallSettings context) {
    return gatewaysPlugin().openGateways(options, context);
  }

  /** Whether each gateway is deleted at the source once handed over, for a plugin with them. */
  boolean deletesSourceGateways() {
    return gatewaysPlugin().deletesSourceGateways(options);
  }

  /** The plugin's gateways: the commands that read them are offered only for a plugin with them. */
  private GatewaysPlugin<O> gatewaysPlugin() {
    if (plugin instanceof GatewaysPlugin<O> gateways) {
      return gateways;
    }
    throw new IllegalStateException(plugin.name() + " has no gateways");
  }

  /**
   * Rewrites the source's messages, which name its flags as {@code --FLAG}, to name them as the
   * user typed them: {@code --NAME.FLAG} in the {@code --source NAME} form, NAME as typed
   * ({@code --tts.FLAG} after the Go tool's {@code --source tts}).
   *
   * @param typedSource the value of {@code --source}; empty in a source's own command form
   */
  UnaryOperator<String> flagsAsTyped(Optional<String> typedSource) {
    if (typedSource.isEmpty()) {
      return UnaryOperator.identity();
    }
    String names = CommandSpec.forAnnotatedObject(options).options().stream()
        .flatMap(option -> Arrays.stream(option.names()))
        .map(name -> Pattern.quote(name.substring(2)))
        .collect(Collectors.joining("|"));
    Pattern flag = Pattern.compile("(?<![\\w.-])--(" + names + ")(?![\\w-])");
    String replacement = Matcher.quoteReplacement("--" + typedSource.get() + ".");
    return message -> flag.matcher(message).replaceAll(replacement + "$1");
  }

  /**
   * Offers the source's flags on {@code command}, as {@code --NAME.FLAG} or as {@code --FLAG}.
   * Prefixed, each is also taken as {@code --ALIAS.FLAG} for each alias of the source (the Go
   * tool's {@code --tts.FLAG}), a name the help leaves out.
   */
  void offerFlags(CommandSpec command, boolean prefixed, PrefixedFlags.Registry registry,
      PrefixedFlags.Scope scope) {
    String heading = HelpSections.source(plugin.name());
    if (!prefixed) {
      PrefixedFlags.addTo(command, options, "--", plugin.environmentPrefixes(), registry,
          heading, scope);
      return;
    }
    List<String> prefixes = new ArrayList<>(List.of("--" + plugin.name() + "."));
    plugin.aliases().forEach(alias -> prefixes.add("--" + alias + "."));
    PrefixedFlags.addTo(command, options, prefixes, plugin.environmentPrefixes(), registry,
        heading, scope, Set.of());
  }
}
