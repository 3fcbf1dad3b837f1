package org.ttnlw.migrate.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code migrate device|application}: the exports, with the target in between. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {
        "Move devices into a target TTS application: read each from the source, create it in the"
            + " target (IS Create, then JS, NS and AS Set), read it back from every server and"
            + " compare, and only then disable it at the source (or, with the source's delete"
            + " flag, delete it there).",
        "A device already in the target that matches counts as already migrated; one that"
            + " differs fails with the differing fields unless --target.update-existing. A device"
            + " that fails half-way is deleted from the target again. With --output or --state,"
            + " the same command run again finishes what an interrupted run left."})
final class MigrateCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command: device or application");
  }
}
