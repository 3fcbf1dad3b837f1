package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Offers a source's flags on a command: as {@code --NAME.FLAG} next to
 * {@code --source NAME}, or as {@code --FLAG} under the source's own command.
 * Each flag also defaults from its environment variables, named after its first name; further
 * names are aliases, offered with the same prefix.
 */
final class SourceFlags {
  private SourceFlags() {}

  static void addTo(CommandSpec command, BoundSource<?> source, boolean prefixed,
      EnvironmentDefaults environment) {
    CommandSpec declared = CommandSpec.forAnnotatedObject(source.options());
    String prefix = prefixed ? "--" + source.plugin().name() + "." : "--";
    for (OptionSpec option : declared.options()) {
      String flag = option.names()[0].substring(2);
      List<String> variables = new ArrayList<>();
      for (String envPrefix : source.plugin().environmentPrefixes()) {
        variables.add(envPrefix + flag.toUpperCase(Locale.ROOT).replace('-', '_'));
      }
      List<String> description = new ArrayList<>(List.of(option.description()));
      description.add("Environment: " + String.join(" or ", variables) + ".");
      OptionSpec offered = option.toBuilder()
          .names(Arrays.stream(option.names())
              .map(name -> prefix + name.substring(2))
              .toArray(String[]::new))
          .description(description.toArray(String[]::new))
          .build();
      command.addOption(offered);
      environment.register(offered, variables);
    }
  }
}
