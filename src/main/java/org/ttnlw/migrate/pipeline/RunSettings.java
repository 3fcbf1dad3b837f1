package org.ttnlw.migrate.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.ttnlw.migrate.core.CallSettings;

/**
 * The checked flags of one run, built once by the command.
 *
 * @param devIdPrefix put before every device ID; empty: none
 * @param output the --output file, or null for stdout
 * @param state the --state journal as given, or null
 * @param plan the --plan file, or null
 * @param format how the output is written
 */
public record RunSettings(int concurrency, Duration timeout, int retries, boolean dryRun,
    boolean continueOnError, String devIdPrefix, Path output, Path state, Path plan,
    OutputFormat format) {

  /** The journal the flags name: {@code --state}, or {@code --output}'s FILE.state. */
  public Optional<Path> namedJournal() {
    return state != null ? Optional.of(state)
        : output != null ? Optional.of(Path.of(output + ".state")) : Optional.empty();
  }

  /** What every call to the source or the target is given. */
  public CallSettings calls() {
    return new CallSettings(concurrency, timeout, retries);
  }

  /** The same run, going on past a failed item (listed at the end) instead of stopping. */
  public RunSettings continuingOnError() {
    return new RunSettings(concurrency, timeout, retries, dryRun, true, devIdPrefix, output,
        state, plan, format);
  }
}
