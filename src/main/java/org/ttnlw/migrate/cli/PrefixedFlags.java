package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Offers the flags of a picocli-annotated options object on a command under a prefix, as
 * {@code --ttnv3.FLAG} or {@code --target.FLAG} (or bare, as {@code --FLAG}). Each flag also
 * defaults from its environment variables, named by the flag under each variable prefix.
 */
final class PrefixedFlags {
  private PrefixedFlags() {}

  /**
   * @param flagPrefix put before each flag's name, e.g. {@code --ttnv3.}, or {@code --}
   * @param variablePrefixes e.g. {@code TTNV3_}, first one first
   */
  static void addTo(CommandSpec command, Object options, String flagPrefix,
      List<String> variablePrefixes, EnvironmentDefaults environment) {
    CommandSpec declared = CommandSpec.forAnnotatedObject(options);
    for (OptionSpec option : declared.options()) {
      String flag = option.longestName().substring(2);
      List<String> variables = new ArrayList<>();
      for (String variablePrefix : variablePrefixes) {
        variables.add(variablePrefix + flag.toUpperCase(Locale.ROOT).replace('-', '_'));
      }
      List<String> description = new ArrayList<>(List.of(option.description()));
      description.add("Environment: " + String.join(" or ", variables) + ".");
      OptionSpec offered = option.toBuilder()
          .names(flagPrefix + flag)
          .description(description.toArray(String[]::new))
          .build();
      command.addOption(offered);
      environment.register(offered, variables);
    }
  }
}
