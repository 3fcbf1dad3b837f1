package org.ttnlw.migrate.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ttnlw.migrate.export.DeviceList;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

@Command(name = "application", aliases = {"applications", "app"},
    mixinStandardHelpOptions = true,
    description = {
        "Export every end device of the given applications, one application after another,"
            + " as TTS JSON on stdout, one device per line.",
        "After a device's JSON is written, its downlinks are disabled on the source (or, with"
            + " the source's delete flag, it is deleted there), unless --dry-run."})
final class ApplicationCommand extends ExportCommand {
  ApplicationCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources) {
    super(global, io, sources);
  }

  @Override
  String kind() {
    return "application";
  }

  /** The applications the source's flags choose (such as a whole account), or the given IDs. */
  @Override
  Iterator<String> input(BoundSource<?> bound) {
    List<String> chosen = bound.chosenApplications();
    if (chosen.isEmpty()) {
      return super.input(bound);
    }
    if (!ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "the source's flags already choose what to"
          + " export; give no application IDs with them");
    }
    return chosen.iterator();
  }

  @Override
  Iterator<DeviceRef> devices(Source source, Iterator<String> ids, boolean deletesDevices) {
    return DeviceList.ofApplications(source, ids, deletesDevices);
  }
}
