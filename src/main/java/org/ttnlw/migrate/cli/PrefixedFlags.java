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
   * @param heading the flags' heading in the help, one of {@link HelpSections}'
   */
  static void addTo(CommandSpec command, Object options, String flagPrefix,
      List<String> variablePrefixes, Registry registry, String heading, Scope scope) {
    addTo(command, options, List.of(flagPrefix), variablePrefixes, registry, heading, scope,
        Set.of());
  }

  /**
   * Which of the flags a command takes: a command that moves no gateway leaves out the flags
   * for gateways, those whose description begins with {@value #GATEWAY_FLAG}.
   */
  enum Scope { DEVICES, WITH_GATEWAYS }

  static final String GATEWAY_FLAG = "Gateways:";

  /** Where offered flags are recorded: their variables, and their heading in the help. */
  record Registry(EnvironmentDefaults environment, HelpSections sections) {}

  /**
   * @param flagPrefixes the first is the one the help shows; each further one is another
   *     spelling of the same flag (the Go tool's {@code --tts.} for {@code --ttnv3.}), one name
   *     more of the one option, which the help leaves out
   * @param alsoUnprefixed flags offered bare ({@code --FLAG}) as well, shown in the help
   */
  static void addTo(CommandSpec command, Object options, List<String> flagPrefixes,
      List<String> variablePrefixes, Registry registry, String heading, Scope scope,
      Set<String> alsoUnprefixed) {
    CommandSpec declared = CommandSpec.forAnnotatedObject(options);
    for (OptionSpec option : declared.options()) {
      if (scope == Scope.DEVICES && option.description().length > 0
          && option.description()[0].startsWith(GATEWAY_FLAG)) {
        continue;
      }
      List<String> flags = Arrays.stream(option.names()).map(name -> name.substring(2)).toList();
      List<String> variables = new ArrayList<>();
      for (String variablePrefix : variablePrefixes) {
        for (String flag : flags) {
          variables.add(variablePrefix + flag.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
      }
      List<String> description = new ArrayList<>(List.of(option.description()));
      description.add("Environment: " + String.join(" or ", variables) + ".");
      List<String> names = flagPrefixes.stream()
          .flatMap(flagPrefix -> flags.stream().map(flag -> flagPrefix + flag)).toList();
      OptionSpec offered = option.toBuilder()
          .names(Stream.concat(names.stream(),
                  flags.stream().filter(alsoUnprefixed::contains).map(flag -> "--" + flag))
              .toArray(String[]::new))
          .description(description.toArray(String[]::new))
          .build();
      command.addOption(offered);
      registry.environment().register(offered, variables);
      registry.sections().register(offered, heading);
      registry.sections().hideNames(names.subList(flags.size(), names.size()));
    }
  }
}
