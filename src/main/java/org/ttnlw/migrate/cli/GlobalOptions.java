package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.core.DurationConverter;
import org.ttnlw.migrate.pipeline.OutputFormat;
import picocli.CommandLine.ITypeConverter;
import org.ttnlw.migrate.pipeline.RunSettings;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Flags of every export, accepted before or after the subcommand. */
public final class GlobalOptions {
  static final int DEFAULT_CONCURRENCY = 16;

  @Option(names = "--dry-run",
      description = "Read and print devices, but change nothing: nothing disabled or deleted at"
          + " the source; with migrate and import, the target is only checked (which devices"
          + " would be created, which are there already and whether they match).")
  boolean dryRun;

  @Option(names = "--verbose", description = "Log each call and device on stderr.")
  boolean verbose;

  @Option(names = "--quiet",
      description = "Print only errors and the summary at the end: no progress, no warnings"
          + " along the way.")
  boolean quiet;

  @Option(names = "--report", paramLabel = "FILE",
      description = "Write what the run did as JSON to FILE when it ends: tool version,"
          + " command, duration, exit code, counts, each item's outcome, failures with their"
          + " causes, notices with their items. Written whole or not at all; holds no keys.")
  Path report;

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

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write devices to FILE instead of stdout, each line synced to disk before the"
          + " source is changed. Keeps a run journal (see --state), so the same command run again"
          + " resumes: it skips complete devices and never writes a device twice.")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
      description = "How devices are written: json (TTS JSON lines with every field, the"
          + " default) or tts-csv (TTS's CSV import format, for the Console's bulk import; the"
          + " fields it cannot hold are named per device and counted per field at the end).")
  OutputFormat format = OutputFormat.JSON;

  /** Reads {@code --format} into the pipeline's {@link OutputFormat}. */
  static final class FormatConverter implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.named(value);
      } catch (ConfigException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  @Option(names = "--state", paramLabel = "FILE",
      description = "Run journal recording, per device, delivering / exported / disabled / deleted"
          + " (default with --output: FILE.state). A re-run with the same journal skips what is"
          + " done and finishes what is half-way.")
  Path state;

  /** Fails the command line when a flag's value is out of range. */
  void check(picocli.CommandLine commandLine) {
    if (concurrency < 1) {
      throw new ParameterException(commandLine, "--concurrency must be at least 1");
    }
    if (quiet && verbose) {
      throw new ParameterException(commandLine, "--quiet and --verbose ask for opposite things;"
          + " give one of them");
    }
    if (retries < 0) {
      throw new ParameterException(commandLine, "--retries must not be negative");
    }
    String prefixProblem = devIdPrefix.isEmpty() ? null : DeviceIds.prefixProblem(devIdPrefix);
    if (prefixProblem != null) {
      throw new ParameterException(commandLine, "invalid --dev-id-prefix \"" + devIdPrefix
          + "\": " + prefixProblem);
    }
  }

  /** The flags as the run's settings; after {@link #check}. */
  RunSettings settings() {
    return new RunSettings(concurrency, timeout, retries, dryRun, continueOnError, devIdPrefix,
        output, state, plan.path, format);
  }

  /** {@code --plan}: offered only by the commands with a target, so not a mixin of every one. */
  final PlanOptions plan = new PlanOptions();

  @Option(names = "--continue-on-error",
      description = "Export what can be exported; list the devices that failed, with their causes,"
          + " at the end and exit with code 3. Without it the run stops at the first failure.")
  boolean continueOnError;
}
