package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.source.DeviceFilter;
import org.ttnlw.migrate.source.Selection;
import org.ttnlw.migrate.source.SourcePlugin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How many of the devices a command reads it takes, and which by ID: {@code --ids-file} and
 * {@code --limit}, which every command that reads devices accepts; with {@code --select}
 * ({@link FilterOptions}) where the command has a list to judge, checked once into a
 * {@link Selection}.
 */
final class SelectionOptions {
  static final String IDS_FILE = "--ids-file";

  @Option(names = IDS_FILE, paramLabel = "FILE",
      description = "Take only the devices whose IDs (ChirpStack: DevEUIs) are in FILE, one per"
          + " line; those not listed are named, none listed is an error. With `device`: the IDs"
          + " to take, instead of arguments.")
  Path idsFile;

  @Option(names = "--limit", paramLabel = "N", converter = LimitConverter.class,
      description = "Take at most N devices: the first N of the selection that the run's journal"
          + " (--output or --state) does not have done, so the same command run again takes the"
          + " next N (a wave). Without a journal: the first N.")
  Integer limit;

  /** {@code --limit}, checked as it was read. */
  OptionalLong limit() {
    return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
  }

  /**
   * The selection, with the IDs of {@code --ids-file} read and checked as the source writes them.
   *
   * @param filters those of {@code --select}; none where the command has no list to judge
   * @throws org.ttnlw.migrate.core.ConfigException for a filter the source cannot judge
   */
  Selection selection(SourcePlugin<?> plugin, List<DeviceFilter> filters, CommandSpec spec,
      Clock clock) {
    Selection selection = selection(plugin.deviceIds(), filters, spec, clock);
    selection.checkAgainst(plugin);
    return selection;
  }

  /**
   * The selection, with the IDs of {@code --ids-file} read and checked as {@code syntax} writes
   * them; its filters not yet checked against what the devices are read from.
   */
  Selection selection(IdSyntax syntax, List<DeviceFilter> filters, CommandSpec spec,
      Clock clock) {
    return new Selection(filters, ids(syntax, spec), clock.instant());
  }

  /** The IDs of {@code --ids-file}, checked as {@code syntax} writes them; empty without it. */
  private Optional<Set<String>> ids(IdSyntax syntax, CommandSpec spec) {
    return idsFile == null ? Optional.empty()
        : Optional.of(new LinkedHashSet<>(idsOfFile(syntax, spec).all()));
  }

  /** The device IDs of {@code --ids-file}. */
  IdInput idsOfFile(IdSyntax syntax, CommandSpec spec) {
    try {
      return IdInput.ofFile("device", syntax, idsFile, IDS_FILE);
    } catch (IdInput.InvalidInputException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }
}
