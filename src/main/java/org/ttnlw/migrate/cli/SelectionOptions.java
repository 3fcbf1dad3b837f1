package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.source.DeviceFilter;
import org.ttnlw.migrate.source.Selection;
import org.ttnlw.migrate.source.SourcePlugin;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Which of the listed devices a command takes, and how many: {@code --select}, {@code --ids-file}
 * and {@code --limit}, checked once against the source into a {@link Selection}.
 */
final class SelectionOptions {
  static final String IDS_FILE = "--ids-file";

  @Option(names = "--select", paramLabel = "FILTER", converter = FilterConverter.class,
      description = "Take only the listed devices that match (repeatable: all must match),"
          + " judged on what the source's device list holds, before anything is read or changed: "
          + DeviceFilter.FORMS + ". A source that cannot judge a filter refuses it.")
  List<DeviceFilter> filters = new ArrayList<>();

  @Option(names = IDS_FILE, paramLabel = "FILE",
      description = "Take only the listed devices whose IDs (ChirpStack: DevEUIs) are in FILE,"
          + " one per line. With `device`: the IDs to take, instead of arguments or stdin.")
  Path idsFile;

  @Option(names = "--limit", paramLabel = "N",
      description = "Take at most N devices: the first N of the selection that the run's journal"
          + " (--output or --state) does not have done, so the same command run again takes the"
          + " next N (a wave). Without a journal: the first N.")
  Long limit;

  /** Reads one {@code --select} value into its filter. */
  static final class FilterConverter implements ITypeConverter<DeviceFilter> {
    @Override
    public DeviceFilter convert(String value) {
      try {
        return DeviceFilter.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --limit}, checked. */
  OptionalLong limit(CommandSpec spec) {
    if (limit == null) {
      return OptionalLong.empty();
    }
    if (limit < 1) {
      throw new ParameterException(spec.commandLine(), "--limit " + limit + ": give the number"
          + " of devices to take, 1 or more");
    }
    return OptionalLong.of(limit);
  }

  /**
   * The selection, with the IDs of {@code --ids-file} read and checked as the source writes them.
   *
   * @throws org.ttnlw.migrate.core.ConfigException for a filter the source cannot judge
   */
  Selection selection(SourcePlugin<?> plugin, CommandSpec spec, Clock clock) {
    Optional<Set<String>> ids = Optional.empty();
    if (idsFile != null) {
      ids = Optional.of(new HashSet<>(idsOfFile(plugin, spec).all()));
    }
    Selection selection = new Selection(filters, ids, clock.instant());
    selection.checkAgainst(plugin);
    return selection;
  }

  /** The device IDs of {@code --ids-file}. */
  IdInput idsOfFile(SourcePlugin<?> plugin, CommandSpec spec) {
    try {
      return IdInput.ofFile("device", plugin.deviceIds(), idsFile, IDS_FILE);
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
