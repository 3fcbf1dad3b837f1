package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The help of a command that takes {@code --source} when none was given: it has no source's
 * flags, so it says where each source's flags are listed.
 */
final class SourceHelp {
  private static final String SECTION = "sourceForms";

  private SourceHelp() {}

  /** Adds the pointer to {@code SOURCE COMMAND --help}, naming {@code sources}, above the footer. */
  static void pointToSourceForms(CommandSpec command, List<BoundSource<?>> sources) {
    String names = sources.stream().map(bound -> bound.plugin().name()
            + (bound.plugin().aliases().isEmpty() ? ""
                : " (alias " + String.join(", ", bound.plugin().aliases()) + ")"))
        .collect(Collectors.joining(", "));
    UsageMessageSpec usage = command.usageMessage();
    usage.sectionMap().put(SECTION, help -> {
      String path = help.commandSpec().qualifiedName(" ");
      String tool = path.split(" ", 2)[0];
      String rest = path.substring(tool.length());
      String nl = System.lineSeparator();
      return nl + "Each source has its own flags, listed by:" + nl
          + "  " + tool + " SOURCE" + rest + " --help" + nl
          + "  " + path + " --source SOURCE --help" + nl
          + "Sources: " + names + "." + nl;
    });
    List<String> keys = new ArrayList<>(usage.sectionKeys());
    keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), SECTION);
    usage.sectionKeys(keys);
  }
}
