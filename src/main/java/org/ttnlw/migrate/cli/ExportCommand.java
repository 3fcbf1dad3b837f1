package org.ttnlw.migrate.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.devices.DeviceJob;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.pipeline.JobRunner;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.target.TargetConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code device} and {@code application} share, as exports and under {@code migrate}: pick
 * the source, read the IDs, and run the pipeline.
 */
abstract class ExportCommand extends BaseCommand implements Cli.SourceChoosing {
  /** Set to "terminal" by bin/ttn-lw-migrate when stdin is one. */
  static final String STDIN = "TTN_LW_MIGRATE_STDIN";

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Device IDs (`device`) or application IDs (`application`). With none, IDs are"
          + " read from stdin, one per line.")
  List<String> ids = new ArrayList<>();

  private final Map<String, BoundSource<?>> sources;
  private final Supplier<Mode<TargetConfig>> mode;
  private String sourceName;

  /**
   * The devices' run of the command, ready to go.
   *
   * @param mode the export, or the migration with its checked target
   * @param runner runs the devices and whatever the command moves with them
   */
  record DeviceRun(BoundSource<?> bound, RunSettings settings, Mode<TargetConfig> mode,
      JobRunner runner, Function<Optional<DeviceJob.HandOver>, DeviceJob> job) {
    /** @param handOver gateways handed over before any device is stopped at the source */
    Outcome run(Optional<DeviceJob.HandOver> handOver) {
      return runner.run(job.apply(handOver), settings);
    }
  }

  /**
   * @param sources the sources this command can use, by name and alias; with exactly one,
   *     it is used without {@code --source}
   * @param mode an export, or {@code migrate}'s target checked from its flags
   */
  ExportCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      Supplier<Mode<TargetConfig>> mode) {
    super(global, io);
    this.sources = sources;
    this.mode = mode;
  }

  @Override
  public void offerSourceOption(CommandSpec command, Collection<String> names) {
    command.addOption(sourceOption("Source to read devices from: " + String.join(", ", names)
        + ". See `ttn-lw-migrate sources`.", names, name -> sourceName = name));
  }

  /**
   * A required {@code --source NAME}, one of {@code names}, whose value goes to {@code chosen}.
   */
  static OptionSpec sourceOption(String description, Collection<String> names,
      Consumer<String> chosen) {
    return OptionSpec.builder("--source")
        .paramLabel("NAME")
        .type(String.class)
        .required(true)
        .description(description)
        .completionCandidates(names)
        .converters(name -> {
          if (!names.contains(name)) {
            throw new TypeConversionException("unknown source \"" + name + "\""
                + Typos.didYouMean(name, names) + "; this command reads from "
                + String.join(", ", names));
          }
          return name;
        })
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
  final Outcome run(RunSettings settings) {
    BoundSource<?> bound = chosenSource();
    MigrationChoices choices = bound.choices();
    boolean all = kind().equals("application") && bound.exportsAll();
    if (all && !ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--all exports every device the source"
          + " reaches; give it no application IDs, or leave --all out");
    }
    if (!all && ids.isEmpty() && "terminal".equals(io().environment().get(STDIN))) {
      io().stderr().println("ttn-lw-migrate: reading " + kind() + " IDs from stdin, one per"
          + " line; end with Ctrl-D (or give them as arguments)");
    }
    IdInput input;
    try {
      input = all ? null : IdInput.of(kind(), idSyntax(bound.plugin()), ids, io().stdin());
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    checkOptions(bound);
    boolean listed = kind().equals("application");
    DeviceJob.Listing listing = new DeviceJob.Listing(
        listed && input != null ? input.all() : List.of(), listed);
    boolean deletesDevices = choices.afterExport() == SourceStep.DELETE && !settings.dryRun();
    Mode<TargetConfig> checked = mode.get();
    Iterator<String> named = input == null ? List.<String>of().iterator() : input;
    return move(new DeviceRun(bound, settings, checked, runner(), handOver -> new DeviceJob(
        settings, checked, choices, listing, bound::open,
        source -> devices(source, named, all, deletesDevices), handOver)));
  }

  /** Checks the command's own flags against the source, before anything is opened. */
  void checkOptions(BoundSource<?> bound) {}

  /** Moves the devices, and whatever the command moves with them. */
  Outcome move(DeviceRun devices) {
    return devices.run(Optional.empty());
  }

  @Override
  UnaryOperator<String> flagsAsTyped() {
    return chosenSource().flagsAsTyped(java.util.Optional.ofNullable(sourceName));
  }

  private BoundSource<?> chosenSource() {
    return chosen(sources, sourceName, spec);
  }

  /**
   * The source {@code --source} names, or the only one when the command is a source's own.
   *
   * @param name the value of {@code --source}, one of {@code sources}, or null without it
   */
  static BoundSource<?> chosen(Map<String, BoundSource<?>> sources, String name,
      CommandSpec spec) {
    if (name == null) {
      return sources.values().iterator().next();
    }
    return sources.get(name);
  }
}
