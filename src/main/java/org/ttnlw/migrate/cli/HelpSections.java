package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The headings a command's help lists its flags under: what the command needs, its own flags,
 * the source's, the target's, the gateways' hand-over, the run's, and help. The flags offered
 * from an options object ({@link PrefixedFlags}) are registered under their heading; the others
 * are placed by where they come from.
 */
final class HelpSections {
  static final String REQUIRED = "Required";
  static final String OWN = "Options";
  static final String TARGET = "Target";
  static final String HAND_OVER = "Gateway hand-over";
  static final String RUN = "The run";
  static final String HELP = "Help";
  private static final Set<String> HELP_FLAGS = Set.of("--help", "--version");

  private final Map<OptionSpec, String> headings = new IdentityHashMap<>();
  private final Set<String> hiddenNames = new HashSet<>();

  /** The heading of a source's flags. */
  static String source(String name) {
    return "Source " + name;
  }

  void register(OptionSpec option, String heading) {
    headings.put(option, heading);
  }

  /** Names of flags that the help leaves out, each another spelling of a name it shows. */
  void hideNames(List<String> names) {
    hiddenNames.addAll(names);
  }

  /** {@code option} as the help shows it: without its hidden names. */
  OptionSpec shown(OptionSpec option) {
    List<String> names = Arrays.stream(option.names())
        .filter(name -> !hiddenNames.contains(name)).toList();
    return names.size() == option.names().length ? option
        : option.toBuilder().names(names.toArray(String[]::new)).build();
  }

  /** The command's visible flags under their headings, in the order of the help. */
  Map<String, List<OptionSpec>> of(CommandSpec command) {
    Set<String> runFlags = command.mixins().entrySet().stream()
        .filter(mixin -> mixin.getKey().equals("global") || mixin.getKey().equals("plan"))
        .flatMap(mixin -> mixin.getValue().options().stream())
        .map(OptionSpec::longestName)
        .collect(Collectors.toSet());
    Map<String, List<OptionSpec>> sections = new LinkedHashMap<>();
    List.of(REQUIRED, OWN).forEach(heading -> sections.put(heading, new ArrayList<>()));
    Map<String, List<OptionSpec>> later = new LinkedHashMap<>();
    List.of(TARGET, HAND_OVER, RUN, HELP).forEach(heading -> later.put(heading, new ArrayList<>()));
    for (OptionSpec option : command.options()) {
      if (option.hidden()) {
        continue;
      }
      String heading = headings.get(option);
      if (heading == null) {
        heading = option.required() ? REQUIRED
            : HELP_FLAGS.contains(option.longestName()) ? HELP
            : runFlags.contains(option.longestName()) ? RUN : OWN;
      }
      (later.containsKey(heading) ? later : sections)
          .computeIfAbsent(heading, key -> new ArrayList<>()).add(option);
    }
    sections.putAll(later);
    sections.values().removeIf(List::isEmpty);
    return sections;
  }
}
