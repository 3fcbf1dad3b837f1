package org.ttnlw.migrate.cli;

import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.pipeline.JobRunner;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunIo;
import org.ttnlw.migrate.pipeline.RunSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that reads or moves items shares: the global flags checked and turned
 * into {@link RunSettings} once, logging set up, and how the command ended turned into the
 * process's exit code by {@link ExitCodeMapper}.
 */
abstract class BaseCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  private final GlobalOptions global;
  private final Io io;

  BaseCommand(GlobalOptions global, Io io) {
    this.global = global;
    this.io = io;
  }

  @Override
  public final Integer call() {
    global.check(spec.commandLine());
    Logging.configure(global.verbose);
    RunSettings settings = global.settings();
    return exitCodes().exitCode(() -> run(settings));
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
   * The runner of this command's jobs, with a live progress line when the launcher found
   * stderr to be a terminal ({@value Io#PROGRESS}=live).
   */
  JobRunner runner() {
    boolean live = "live".equals(io.environment().get(Io.PROGRESS));
    Logging.liveLine(live);
    return new JobRunner(new RunIo(io.stdout(), io.stderr(), io.stop(), io.stdoutKind(), live),
        flagsAsTyped());
  }

  Io io() {
    return io;
  }
}
