package org.ttnlw.migrate.cli;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ttnlw.migrate.core.StopSignal;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step ({@code mvn package}, before the distribution is assembled): writes the man pages
 * (AsciiDoc, which the asciidoctor plugin turns into roff) and the bash completion script from the
 * command tree the tool really runs, so neither can drift from the flags. The completion script
 * also serves zsh through bashcompinit. Arguments: the AsciiDoc folder, the completion folder.
 */
public final class DistributionDocs {
  private DistributionDocs() {}

  public static void main(String[] args) throws IOException {
    Path manuals = Files.createDirectories(Path.of(args[0]));
    Path completion = Files.createDirectories(Path.of(args[1]));
    CommandLine tool = Cli.whole(new Io(Map.of(), new ByteArrayInputStream(new byte[0]),
        OutputStream.nullOutputStream(), System.err, new StopSignal()));
    int status = ManPageGenerator.generateManPage(manuals.toFile(), (File) null, new boolean[0],
        true, tool.getCommandSpec());
    if (status != 0) {
      throw new IOException("picocli's ManPageGenerator failed with status " + status);
    }
    Files.writeString(completion.resolve("ttn-lw-migrate.bash"),
        CompletionScript.bash(tool), StandardCharsets.UTF_8);
  }
}
