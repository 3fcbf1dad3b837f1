package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.devices.DeviceJob;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code device} and {@code application} share, as exports and under {@code migrate}: pick
 * the source, read the IDs, and run the pipeline.
 */
abstract class ExportCommand implements Callable<Integer> {
  /** Set to "terminal" by bin/ttn-lw-migrate when stdin is one. */
  static final String STDIN = "TTN_LW_MIGRATE_STDIN";
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Device IDs (`device`) or application IDs (`application`). With none, IDs are"
          + " read from stdin, one per line.")
  List<String> ids = new ArrayList<>();

  private final GlobalOptions global;
  private final Io io;
  private final Map<String, BoundSource<?>> sources;
  private final TargetOptions target;
  private String sourceName;

  /**
   * @param sources the sources this command can use, by name and alias; with exactly one,
   *     it is used without {@code --source}
   * @param target the target's flags for {@code migrate}; null for an export
   */
  ExportCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      TargetOptions target) {
    this.global = global;
    this.io = io;
    this.sources = sources;
    this.target = target;
  }

  /** Adds {@code --source NAME}, for the form where the source is not the parent command. */
  void offerSourceOption(CommandSpec command, String names) {
    command.addOption(sourceOption("Source to read devices from: " + names + ". See"
        + " `ttn-lw-migrate sources`.", name -> sourceName = name));
  }

  /** A required {@code --source NAME} whose value goes to {@code chosen}. */
  static OptionSpec sourceOption(String description, Consumer<String> chosen) {
    return OptionSpec.builder("--source")
        .paramLabel("NAME")
        .type(String.class)
        .required(true)
        .description(description)
        .setter(new picocli.CommandLine.Model.ISetter() {
          @Override
          public <T> T set(T value) {
            chosen.accept((String) value);
            return null;
          }
        })
        .build();
  }

  /** "device" or "application", for messages. */
  abstract String kind();

  /** How the source writes the IDs this command takes. */
  abstract IdSyntax idSyntax(SourcePlugin<?> plugin);

  /** The devices that the given IDs stand for, or all the source reaches when {@code all}. */
  abstract Iterator<DeviceRef> devices(Source source, Iterator<String> ids, boolean all,
      boolean deletesDevices);

  @Override
  public Integer call() {
    BoundSource<?> bound = chosenSource();
    global.check(spec.commandLine());
    Logging.configure(global.verbose);
    MigrationChoices choices = bound.choices();
    boolean all = kind().equals("application") && bound.exportsAll();
    if (all && !ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--all exports every device the source"
          + " reaches; give it no application IDs, or leave --all out");
    }
    if (!all && ids.isEmpty() && "terminal".equals(io.environment().get(STDIN))) {
      io.stderr().println("ttn-lw-migrate: reading " + kind() + " IDs from stdin, one per line;"
          + " end with Ctrl-D (or give them as arguments)");
    }
    IdInput input;
    try {
      input = all ? null : IdInput.of(kind(), idSyntax(bound.plugin()), ids, io.stdin());
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    boolean listed = kind().equals("application");
    DeviceJob.Listing listing = new DeviceJob.Listing(
        listed && input != null ? input.all() : List.of(), listed);
    boolean deletesDevices = choices.afterExport() == SourceStep.DELETE && !global.dryRun;
    UnaryOperator<String> asTyped = bound.flagsAsTyped(sourceName != null);
    Integer stopped = beforeDevices(bound, asTyped);
    if (stopped != null) {
      return stopped;
    }
    Iterator<String> named = input == null ? List.<String>of().iterator() : input;
    int code = new PipelineRun(global, io, target, asTyped).run(choices, listing, bound::open,
        source -> devices(source, named, all, deletesDevices), handOver());
    return afterDevices(code);
  }

  /** Gateways to hand over before devices are stopped at the source, or null. */
  DeviceJob.HandOver handOver() {
    return null;
  }

  /** The command's exit code, from the devices' run. */
  int afterDevices(int code) {
    return code;
  }

  /**
   * What runs before the devices move; an exit code stops the command there, null goes on.
   *
   * @param asTyped names the source's flags in a message as the user typed them
   */
  Integer beforeDevices(BoundSource<?> bound, UnaryOperator<String> asTyped) {
    return null;
  }

  GlobalOptions global() {
    return global;
  }

  Io io() {
    return io;
  }

  TargetOptions target() {
    return target;
  }

  private BoundSource<?> chosenSource() {
    return chosen(sources, sourceName, spec);
  }

  /**
   * The source {@code --source} names, or the only one when the command is a source's own.
   *
   * @param name the value of {@code --source}, or null without it
   */
  static BoundSource<?> chosen(Map<String, BoundSource<?>> sources, String name,
      CommandSpec spec) {
    if (name == null) {
      return sources.values().iterator().next();
    }
    BoundSource<?> bound = sources.get(name);
    if (bound == null) {
      throw new ParameterException(spec.commandLine(), "unknown source \"" + name
          + "\"; `ttn-lw-migrate sources` lists them");
    }
    return bound;
  }
}
