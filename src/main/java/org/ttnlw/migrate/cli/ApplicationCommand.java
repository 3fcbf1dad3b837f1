package org.ttnlw.migrate.cli;

import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.Source;
import picocli.CommandLine.Command;

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

  @Override
  Iterator<DeviceRef> devices(Source source, Iterator<String> applicationIds) {
    return new Iterator<>() {
      private Iterator<DeviceRef> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && applicationIds.hasNext()) {
          current = source.listDevices(applicationIds.next());
        }
        return current.hasNext();
      }

      @Override
      public DeviceRef next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }
}
