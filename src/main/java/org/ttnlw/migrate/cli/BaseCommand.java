package org.ttnlw.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.pipeline.Display;
import org.ttnlw.migrate.pipeline.JobRunner;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.ReportFile;
import org.ttnlw.migrate.pipeline.RunIo;
import org.ttnlw.migrate.pipeline.RunRecord;
import org.ttnlw.migrate.pipeline.RunSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command that reads or moves items shares: the global flags checked and turned
 * into {@link RunSettings} once, logging set up, how the command ended turned into the
 * process's exit code by {@link ExitCodeMapper}, and the report file ({@code --report}).
 */
abstract class BaseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  private final GlobalOptions global;
  private final Io io;
  private JobRunner runner;

  BaseCommand(GlobalOptions global, Io io) {
    this.global = global;
    this.io = io;
  }

  @Override
  public final Integer call() {
    global.check(spec.commandLine());
    Logging.configure(global.verbose, global.quiet);
    RunSettings settings = global.settings();
    checkReport(settings);
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    StringBuilder error = new StringBuilder();
    int exitCode;
    try {
      exitCode = exitCodes().exitCode(() -> run(settings), error::append);
    } catch (ParameterException e) {
      writeReport(started, startNanos, ExitCodes.USAGE, e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      writeReport(started, startNanos, ExitCodes.EXPORT_FAILED, "internal error: " + e);
      throw e;
    }
    return writeReport(started, startNanos, exitCode, error.isEmpty() ? null : error.toString());
  }

  /** Refuses a report file that cannot be written, or that is a file the run writes. */
  private void checkReport(RunSettings settings) {
    Path report = global.report;
    if (report == null) {
      return;
    }
    Path folder = report.toAbsolutePath().getParent();
    if (!Files.isDirectory(folder) || Files.isDirectory(report)) {
      throw new ParameterException(spec.commandLine(), "--report " + report + ": "
          + (Files.isDirectory(report) ? "is a folder" : "its folder does not exist"));
    }
    for (Path other : new Path[] {settings.output(), settings.state(), settings.plan()}) {
      if (other != null && other.toAbsolutePath().normalize()
          .equals(report.toAbsolutePath().normalize())) {
        throw new ParameterException(spec.commandLine(), "--report " + report + " is a file"
            + " this run writes too; give the report a file of its own");
      }
    }
  }

  /** The report, if asked for; returns the exit code, made 1 if the report failed. */
  private int writeReport(Instant started, long startNanos, int exitCode, String error) {
    if (global.report == null) {
      return exitCode;
    }
    List<RunRecord> runs = runner == null ? List.of() : runner.runs();
    try {
      ReportFile.write(global.report, new ReportFile.Command(VersionProvider.version(),
          spec.qualifiedName(), started, Duration.ofNanos(System.nanoTime() - startNanos),
          exitCode, error), runs);
      return exitCode;
    } catch (IOException e) {
      io.stderr().println("ttn-lw-migrate: error: the report " + global.report + " was not"
          + " written (" + e.getMessage() + ")");
      return exitCode == ExitCodes.OK ? ExitCodes.EXPORT_FAILED : exitCode;
    }
  }

  /**
   * The command's work.
   *
   * @throws picocli.CommandLine.ParameterException for a flag or argument that does not fit
   * @throws org.ttnlw.migrate.core.ConfigException for a configuration that refuses the run
   */
  abstract Outcome run(RunSettings settings);

  /** Names the source's flags in a message as the command line spells them. */
  UnaryOperator<String> flagsAsTyped() {
    return UnaryOperator.identity();
  }

  ExitCodeMapper exitCodes() {
    return new ExitCodeMapper(io.stderr(), flagsAsTyped());
  }

  /**
   * The runner of this command's jobs, one for all of them, with a live progress line when the
   * launcher found stderr to be a terminal ({@value Io#PROGRESS}=live).
   */
  JobRunner runner() {
    if (runner == null) {
      boolean live = Io.liveLine(io.environment());
      Logging.liveLine(live);
      runner = new JobRunner(new RunIo(io.stdout(), io.stderr(), io.stop(), io.stdoutKind(),
          new Display(live, io.columns(), global.quiet, global.verbose)), flagsAsTyped());
    }
    return runner;
  }

  Io io() {
    return io;
  }
}
