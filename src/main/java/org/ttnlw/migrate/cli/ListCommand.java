package org.ttnlw.migrate.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.ttnlw.migrate.core.ControlCharacters;
import org.ttnlw.migrate.devices.SelectedDevices;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.source.ListedDevice;
import org.ttnlw.migrate.source.ListsAllSource;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourceNeeds;
import org.ttnlw.migrate.source.SourceStep;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = {
        "List the devices of the given applications that a selection (--select, --ids-file,"
            + " --limit) takes, one per line: device ID, application ID and the device's value"
            + " of each field selected on, tab-separated; read from the source's device list"
            + " only, changing nothing.",
        "Shows a wave before it is moved: `migrate application` with the same flags takes these"
            + " devices. `cut -f1` of the list is an --ids-file."})
final class ListCommand extends ExportCommand {
  ListCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources) {
    super(global, io, sources, Mode.Export::new);
  }

  @Override
  Outcome run(Request request) {
    OptionalLong limit = selectionOptions.limit(spec);
    SelectedDevices selected = request.selected();
    List<String> applications = request.input() == null ? List.of() : request.input().all();
    PrintStream out = new PrintStream(io().stdout(), false, StandardCharsets.UTF_8);
    long printed = 0;
    try (Source source = request.bound().open(request.settings().calls())) {
      source.preflight(new SourceNeeds(applications, SourceStep.KEEP));
      if (request.all()) {
        // all is true only for a ListsAllPlugin, whose open gives a ListsAllSource
        printed = print(selected.listed((ListsAllSource) source), "", selected, limit, out);
      }
      for (String application : applications) {
        printed += print(selected.listed(source, application), application, selected,
            limit.isPresent() ? OptionalLong.of(limit.getAsLong() - printed) : limit, out);
      }
    }
    out.flush();
    io().stderr().println("ttn-lw-migrate: listed " + printed + (printed == 1 ? " device"
        : " devices"));
    selected.remark().ifPresent(remark -> io().stderr().println("ttn-lw-migrate: " + remark));
    return out.checkError() ? Outcome.STOPPED : Outcome.OK;
  }

  /** Prints the devices, at most {@code limit}; how many it printed. */
  private static long print(Iterator<ListedDevice> devices, String application,
      SelectedDevices selected, OptionalLong limit, PrintStream out) {
    long printed = 0;
    while ((limit.isEmpty() || printed < limit.getAsLong()) && devices.hasNext()) {
      ListedDevice device = devices.next();
      List<String> fields = new ArrayList<>();
      fields.add(device.ref().deviceId());
      fields.add(application.isEmpty() ? device.ref().applicationId() : application);
      fields.addAll(selected.selection().shown(device));
      out.println(fields.stream().map(ControlCharacters::escape)
          .collect(Collectors.joining("\t")));
      printed++;
    }
    return printed;
  }
}
