package org.ttnlw.migrate.cli;

import java.util.Iterator;
import java.util.Map;
import org.ttnlw.migrate.export.DeviceList;
import org.ttnlw.migrate.source.DeviceRef;
import org.ttnlw.migrate.source.IdSyntax;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;

@Command(name = "application", aliases = {"applications", "app"},
    mixinStandardHelpOptions = true,
    description = {
        "Export every end device of the given applications, one application after another,"
            + " as TTS JSON on stdout, one device per line.",
        "After a device's JSON is written, it is taken out of service at the source, unless"
            + " --dry-run: ttnv3 disables its downlinks, chirpstack disables the device, firefly"
            + " invalidates its keys with --invalidate-keys; with the source's delete flag it is"
            + " deleted there. `ttn-lw-migrate sources` and docs/ say what each source does."})
final class ApplicationCommand extends ExportCommand {
  ApplicationCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      TargetOptions target) {
    super(global, io, sources, target);
  }

  @Override
  String kind() {
    return "application";
  }

  @Override
  IdSyntax idSyntax(SourcePlugin<?> plugin) {
    return plugin.applicationIds();
  }

  @Override
  Iterator<DeviceRef> devices(Source source, Iterator<String> ids, boolean all,
      boolean deletesDevices) {
    return all ? DeviceList.ofAll(source, deletesDevices)
        : DeviceList.ofApplications(source, ids, deletesDevices);
  }
}
