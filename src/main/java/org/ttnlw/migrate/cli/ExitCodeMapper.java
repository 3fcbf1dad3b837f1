package org.ttnlw.migrate.cli;

import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.MigrationException;
import org.ttnlw.migrate.pipeline.Outcome;

/**
 * How a command ended, as the process's exit code: its outcome, or the exception that ended
 * it, said on stderr. Bad flags and arguments are picocli's (Cli's usage error), anything
 * unforeseen Cli's internal error.
 */
final class ExitCodeMapper {
  private final PrintStream stderr;
  private final UnaryOperator<String> flagsAsTyped;

  /** @param flagsAsTyped names the source's flags in a message as the command line spells them */
  ExitCodeMapper(PrintStream stderr, UnaryOperator<String> flagsAsTyped) {
    this.stderr = stderr;
    this.flagsAsTyped = flagsAsTyped;
  }

  /** @param ended told the message of the exception that ended the command, if one did */
  int exitCode(Supplier<Outcome> command, Consumer<String> ended) {
    try {
      return exitCode(command.get());
    } catch (ConfigException e) {
      refused(e);
      ended.accept(flagsAsTyped.apply(e.getMessage()));
      return ExitCodes.USAGE;
    } catch (MigrationException e) {
      stderr.println("ttn-lw-migrate: error: " + e.getMessage());
      ended.accept(e.getMessage());
      return ExitCodes.EXPORT_FAILED;
    }
  }

  /** Says why the configuration refused a run. */
  void refused(ConfigException e) {
    stderr.println("ttn-lw-migrate: " + flagsAsTyped.apply(e.getMessage()));
  }

  static int exitCode(Outcome outcome) {
    return switch (outcome) {
      case OK -> ExitCodes.OK;
      case STOPPED -> ExitCodes.EXPORT_FAILED;
      case REFUSED -> ExitCodes.USAGE;
      case SOME_FAILED -> ExitCodes.SOME_FAILED;
      case INTERRUPTED -> ExitCodes.INTERRUPTED;
    };
  }
}
