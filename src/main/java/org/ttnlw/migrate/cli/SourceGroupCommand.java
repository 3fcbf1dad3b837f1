package org.ttnlw.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ttn-lw-migrate SOURCE ...}: the commands of one source, its flags unprefixed. */
@Command(mixinStandardHelpOptions = true)
final class SourceGroupCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw RootCommand.missingCommand(spec);
  }
}
