package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Offers the flags of a picocli-annotated options object on a command under a prefix, as
 * {@code --ttnv3.FLAG} or {@code --target.FLAG} (or bare, as {@code --FLAG}), each alias of a
 * flag too. Each flag also defaults from its environment variables: every name of the flag under
 * every variable prefix.
 */
final class PrefixedFlags {
  private PrefixedFlags() {}

  /**
   * @param flagPrefix put before each flag's name, e.g. {@code --ttnv3.}, or {@code --}
   * @param variablePrefixes e.g. {@code TTNV3_}, first one first
   */
  static void addTo(CommandSpec command, Object options, String flagPrefix,
      List<String> variablePrefixes, EnvironmentDefaults environment) {
    addTo(command, options, flagPrefix, variablePrefixes, environment, Set.of());
  }

  /** @param alsoUnprefixed flags offered bare ({@code --FLAG}) as well as under the prefix */
  static void addTo(CommandSpec command, Object options, String flagPrefix,
      List<String> variablePrefixes, EnvironmentDefaults environment,
      Set<String> alsoUnprefixed) {
    CommandSpec declared = CommandSpec.forAnnotatedObject(options);
    for (OptionSpec option : declared.options()) {
      List<String> flags = Arrays.stream(option.names()).map(name -> name.substring(2)).toList();
      List<String> variables = new ArrayList<>();
      for (String variablePrefix : variablePrefixes) {
        for (String flag : flags) {
          variables.add(variablePrefix + flag.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
      }
      List<String> description = new ArrayList<>(List.of(option.description()));
      description.add("Environment: " + String.join(" or ", variables) + ".");
      OptionSpec offered = option.toBuilder()
          .names(Stream.concat(flags.stream().map(flag -> flagPrefix + flag),
                  flags.stream().filter(alsoUnprefixed::contains).map(flag -> "--" + flag))
              .toArray(String[]::new))
          .description(description.toArray(String[]::new))
          .build();
      command.addOption(offered);
      environment.register(offered, variables);
    }
  }
}
