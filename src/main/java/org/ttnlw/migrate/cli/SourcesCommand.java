package org.ttnlw.migrate.cli;

import java.io.PrintWriter;
import org.ttnlw.migrate.source.SourcePlugin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "sources", mixinStandardHelpOptions = true,
    description = "List the sources devices can be exported from.")
final class SourcesCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    for (SourcePlugin<?> plugin : SourcePlugins.all()) {
      String aliases = plugin.aliases().isEmpty()
          ? "" : " (alias " + String.join(", ", plugin.aliases()) + ")";
      out.println(plugin.name() + aliases + ": " + plugin.description());
    }
    out.flush();
  }
}
