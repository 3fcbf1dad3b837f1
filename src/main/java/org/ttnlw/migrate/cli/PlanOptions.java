package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --plan FILE}, offered by the commands with a target (migrate, import). */
final class PlanOptions {
  @Option(names = "--plan", paramLabel = "FILE",
      description = "Write one JSON line per device (and gateway) to FILE, readable by you only."
          + " With --dry-run, the plan: what would happen in the target (create, already-equal,"
          + " differs with the fields, fail with the cause) and at the source; the dry run then"
          + " goes on past failures, as with --continue-on-error. Without it, the run's report:"
          + " created, already-equal, updated or failed, and what was done at the source. Each"
          + " run replaces FILE.")
  Path path;
}
