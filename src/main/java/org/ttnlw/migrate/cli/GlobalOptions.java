package org.ttnlw.migrate.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** Flags of every export, accepted before or after the subcommand. */
public final class GlobalOptions {
  static final int DEFAULT_CONCURRENCY = 16;

  @Option(names = "--dry-run",
      description = "Read and print devices, but change nothing on the source: no downlinks"
          + " disabled, nothing deleted.")
  boolean dryRun;

  @Option(names = "--verbose", description = "Log each call and device on stderr.")
  boolean verbose;

  @Option(names = "--dev-id-prefix", paramLabel = "PREFIX",
      description = "Prefix for exported device IDs, as PREFIX-ID; the old ID is kept in the"
          + " attribute old-id.")
  String devIdPrefix = "";

  @Option(names = "--concurrency", paramLabel = "N",
      description = "Devices in flight at once (default: ${DEFAULT-VALUE}). 1 makes every call"
          + " one after another. Output order never depends on it.")
  int concurrency = DEFAULT_CONCURRENCY;

  @Option(names = "--timeout", paramLabel = "DURATION",
      description = "Deadline of each call to the source, e.g. 30s or 2m (default: 30s); a retry"
          + " gets a new one.",
      converter = DurationConverter.class)
  Duration timeout = Duration.ofSeconds(30);

  @Option(names = "--retries", paramLabel = "N",
      description = "How often a call that failed for a passing reason (server unavailable, rate"
          + " limited, connection reset, read timed out) is tried again, with growing pauses"
          + " (default: ${DEFAULT-VALUE}).")
  int retries = 5;
}
