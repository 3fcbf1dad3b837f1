package org.ttnlw.migrate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.ConfigException;
import org.ttnlw.migrate.core.ControlCharacters;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.devices.SelectedDevices;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RefFormat;
import org.ttnlw.migrate.pipeline.RunJournal;
import org.ttnlw.migrate.source.DeviceFilter;
import org.ttnlw.migrate.source.ListedDevice;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.SourceStep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = {
        "List the devices of the given applications that a selection (--select, --ids-file,"
            + " --limit) takes, one per line: device ID, application ID and the device's value"
            + " of each field selected on, tab-separated; read from the source's device list"
            + " only, changing nothing.",
        "Shows a wave before it is moved: `migrate application` with the same flags takes these"
            + " devices. With --state (or --output) the devices that journal has done are left"
            + " out, as the run leaves them out, so --limit N lists the next wave. `cut -f1` of"
            + " the list is an --ids-file."})
final class ListCommand extends ExportCommand {
  @Mixin
  FilterOptions filterOptions = new FilterOptions();

  ListCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources) {
    super(global, io, sources, Mode.Export::new);
  }

  @Override
  List<DeviceFilter> filters() {
    return filterOptions.filters;
  }

  @Override
  Outcome run(Request request) {
    OptionalLong limit = selectionOptions.limit();
    SelectedDevices selected = request.selected();
    List<String> applications = request.input() == null ? List.of() : request.input().all();
    Optional<Path> journal = request.settings().namedJournal();
    Set<DeviceRef> done = done(journal, request.bound());
    PrintStream out = new PrintStream(io().stdout(), false, StandardCharsets.UTF_8);
    Printed printed = new Printed(limit, done, selected, out);
    try (Source source = request.bound().open(request.settings().calls())) {
      source.preflight(new SourceNeeds(applications, SourceStep.KEEP));
      if (request.all()) {
        // all is true only for a ListsAllPlugin, whose open gives a ListsAllSource
        printed.print(selected.listed((ListsAllSource) source), "");
      }
      for (String application : applications) {
        printed.print(selected.listed(source, application), application);
      }
    }
    out.flush();
    io().stderr().println("ttn-lw-migrate: listed " + printed.count + (printed.count == 1
        ? " device" : " devices") + journal.map(path -> "; " + printed.done + " done by the"
        + " journal " + path + " left out").orElse(""));
    selected.remark().ifPresent(remark -> io().stderr().println("ttn-lw-migrate: " + remark));
    selected.checkSomeNamedListed();
    return out.checkError() ? Outcome.STOPPED : Outcome.OK;
  }

  /**
   * The devices the journal of {@code --state} (or {@code --output}) has done, as a run with it
   * would count them: a migration with the same source flags leaves them out.
   */
  private Set<DeviceRef> done(Optional<Path> journal, BoundSource<?> bound) {
    if (journal.isEmpty()) {
      return Set.of();
    }
    try {
      return RunJournal.done(journal.get(), bound.choices().afterExport(), RefFormat.DEVICES);
    } catch (IOException e) {
      throw new ConfigException("cannot read the journal: " + e.getMessage());
    }
  }

  /** The devices printed, one per line, at most the limit of them; those done left out. */
  private static final class Printed {
    private final OptionalLong limit;
    private final Set<DeviceRef> doneByJournal;
    private final SelectedDevices selected;
    private final PrintStream out;
    private long count;
    private long done;

    Printed(OptionalLong limit, Set<DeviceRef> doneByJournal, SelectedDevices selected,
        PrintStream out) {
      this.limit = limit;
      this.doneByJournal = doneByJournal;
      this.selected = selected;
      this.out = out;
    }

    /** @param application the devices' application, or empty when each says its own */
    void print(Iterator<ListedDevice> devices, String application) {
      while ((limit.isEmpty() || count < limit.getAsLong()) && devices.hasNext()) {
        ListedDevice device = devices.next();
        if (doneByJournal.contains(device.ref())) {
          done++;
          continue;
        }
        List<String> fields = new ArrayList<>();
        fields.add(device.ref().deviceId());
        fields.add(application.isEmpty() ? device.ref().applicationId() : application);
        fields.addAll(selected.selection().shown(device));
        out.println(fields.stream().map(ControlCharacters::escape)
            .collect(Collectors.joining("\t")));
        count++;
      }
    }
  }
}
