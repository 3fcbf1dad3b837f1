package org.ttnlw.migrate.cli;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Supplier;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.devices.DeviceList;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.target.TargetConfig;
import picocli.CommandLine.Command;

@Command(name = "device", aliases = {"devices", "end-device", "end-devices", "dev"},
    mixinStandardHelpOptions = true,
    description = {
        "Export end devices by device ID, as TTS JSON on stdout, one device per line.",
        "After a device's JSON is written, it is taken out of service at the source, unless"
            + " --dry-run: ttnv3 disables its downlinks, chirpstack disables the device, firefly"
            + " invalidates its keys with --invalidate-keys; with the source's delete flag it is"
            + " deleted there. `ttn-lw-migrate sources` and docs/ say what each source does."})
final class DeviceCommand extends ExportCommand {
  DeviceCommand(GlobalOptions global, Io io, Map<String, BoundSource<?>> sources,
      Supplier<Mode<TargetConfig>> mode) {
    super(global, io, sources, mode);
  }

  @Override
  String kind() {
    return "device";
  }

  @Override
  IdSyntax idSyntax(SourcePlugin<?> plugin) {
    return plugin.deviceIds();
  }

  @Override
  Iterator<DeviceRef> devices(Source source, Iterator<String> ids, boolean all,
      boolean deletesDevices) {
    return DeviceList.ofDevices(source, ids);
  }
}
