package org.ttnlw.migrate.cli;

import java.time.Clock;
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
import org.ttnlw.migrate.devices.DeviceList;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.devices.SelectedDevices;
import org.ttnlw.migrate.pipeline.JobRunner;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.source.DeviceFilter;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Selection;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.target.TargetConfig;
import picocli.CommandLine.Mixin;
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

  @Mixin
  SelectionOptions selectionOptions = new SelectionOptions();

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
        + ". See `ttn-lw-migrate sources`.", names, "this command reads from",
        name -> sourceName = name));
  }

  /**
   * A required {@code --source NAME}, one of {@code names}, whose value goes to {@code chosen}.
   *
   * @param movesFrom how a refusal of a known source this command cannot use begins, before the
   *     names it can, e.g. "application settings move only from"
   */
  static OptionSpec sourceOption(String description, Collection<String> names, String movesFrom,
      Consumer<String> chosen) {
    return OptionSpec.builder("--source")
        .paramLabel("NAME")
        .type(String.class)
        .required(true)
        .description(description)
        .completionCandidates(names)
        .converters(name -> {
          if (SourcePlugins.find(name).isPresent() && !names.contains(name)) {
            throw new TypeConversionException(movesFrom + " " + String.join(", ", names)
                + ", not from \"" + name + "\"");
          }
          if (!names.contains(name)) {
            throw new TypeConversionException("unknown source \"" + name + "\""
                + Typos.didYouMean(name, names) + "; " + movesFrom + " "
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

  /** What the IDs the command takes name, for messages: "application" unless it takes devices. */
  String kind() {
    return "application";
  }

  /** How the source writes the IDs this command takes. */
  IdSyntax idSyntax(SourcePlugin<?> plugin) {
    return plugin.applicationIds();
  }

  /**
   * The devices that the given IDs stand for: the devices of the applications named that the
   * selection takes, or all the source reaches that it takes when {@code all}.
   *
   * @param readFirst whether each list is read completely before its first device is taken
   */
  Iterator<DeviceRef> devices(Source source, Iterator<String> ids, boolean all,
      SelectedDevices selected, boolean readFirst) {
    // all is true only for a ListsAllPlugin, whose open gives a ListsAllSource
    return all ? DeviceList.ofAll((ListsAllSource) source, selected, readFirst)
        : DeviceList.ofApplications(source, ids, selected, readFirst);
  }

  /**
   * What the command line asks for, checked: the source, the IDs (null with {@code all}) and
   * the selection.
   */
  record Request(BoundSource<?> bound, RunSettings settings, IdInput input, boolean all,
      SelectedDevices selected) {}

  @Override
  final Outcome run(RunSettings settings) {
    BoundSource<?> bound = chosenSource();
    boolean all = kind().equals("application") && bound.exportsAll();
    if (all && !ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--all exports every device the source"
          + " reaches; give it no application IDs, or leave --all out");
    }
    Selection selection = selection(bound);
    IdInput input = all ? null : ids(bound);
    checkOptions(bound);
    return run(new Request(bound, settings, input, all, new SelectedDevices(selection)));
  }

  /** Which of the listed devices the command takes. */
  Selection selection(BoundSource<?> bound) {
    return selectionOptions.selection(bound.plugin(), filters(), spec, Clock.systemUTC());
  }

  /** The filters of {@code --select}, for a command that takes devices from a list. */
  abstract List<DeviceFilter> filters();

  /** The IDs of the arguments, or of stdin when there are none. */
  IdInput ids(BoundSource<?> bound) {
    if (ids.isEmpty() && "terminal".equals(io().environment().get(STDIN))) {
      io().stderr().println("ttn-lw-migrate: reading " + kind() + " IDs from stdin, one per"
          + " line; end with Ctrl-D (or give them as arguments)");
    }
    try {
      return IdInput.of(kind(), idSyntax(bound.plugin()), ids, io().stdin());
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  /** Runs the devices through the pipeline, with what the command moves with them. */
  Outcome run(Request request) {
    RunSettings settings = request.settings();
    MigrationChoices choices = request.bound().choices();
    boolean listed = kind().equals("application");
    DeviceJob.Listing listing = new DeviceJob.Listing(
        listed && request.input() != null ? request.input().all() : List.of(), listed,
        selectionOptions.limit(), request.selected());
    boolean deletesDevices = choices.afterExport() == SourceStep.DELETE && !settings.dryRun();
    // A dry run reads the whole selection, to say how many devices it holds.
    boolean readFirst = deletesDevices
        || settings.dryRun() && request.selected().selection().narrows();
    Mode<TargetConfig> checked = mode.get();
    Iterator<String> named = request.input() == null ? List.<String>of().iterator()
        : request.input();
    return move(new DeviceRun(request.bound(), settings, checked, runner(),
        handOver -> new DeviceJob(settings, checked, choices, listing, request.bound()::open,
            source -> devices(source, named, request.all(), request.selected(), readFirst),
            handOver)));
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
