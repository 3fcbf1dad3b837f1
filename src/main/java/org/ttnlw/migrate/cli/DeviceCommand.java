package org.ttnlw.migrate.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.core.IdSyntax;
import org.ttnlw.migrate.devices.DeviceList;
import org.ttnlw.migrate.devices.IdInput;
import org.ttnlw.migrate.devices.SelectedDevices;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.source.DeviceFilter;
import org.ttnlw.migrate.source.Selection;
import org.ttnlw.migrate.source.Source;
import org.ttnlw.migrate.source.SourcePlugin;
import org.ttnlw.migrate.target.TargetConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "device", aliases = {"devices", "end-device", "end-devices", "dev"},
    mixinStandardHelpOptions = true,
    description = {
        "Export end devices by device ID, as TTS JSON on stdout, one device per line.",
        "After a device's JSON is written, it is taken out of service at the source, unless"
            + " --dry-run: ttnv3 disables its downlinks, chirpstack disables the device, firefly"
            + " invalidates its keys with --invalidate-keys; with the source's delete flag it is"
            + " deleted there. `ttn-lw-migrate sources` and docs/ say what each source does."})
final class DeviceCommand extends ExportCommand {
  /** Not in the help: taken only to say why it does not fit here. */
  @Option(names = "--select", hidden = true)
  List<String> filtersRefused = new ArrayList<>();

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
      SelectedDevices selected, boolean readFirst) {
    return DeviceList.ofDevices(source, ids);
  }

  /** None: filters pick from an application's list, which this command has not. */
  @Override
  List<DeviceFilter> filters() {
    return List.of();
  }

  /** Every device named. */
  @Override
  Selection selection(BoundSource<?> bound) {
    if (!filtersRefused.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--select picks devices from an"
          + " application's device list, and `device` takes the devices it is given: use"
          + " `application APP-ID --select ...`, or name the devices (" + SelectionOptions.IDS_FILE
          + " FILE)");
    }
    return Selection.all(Instant.now());
  }

  /** The IDs of {@code --ids-file}, or else of the arguments or stdin. */
  @Override
  IdInput ids(BoundSource<?> bound) {
    if (selectionOptions.idsFile == null) {
      return super.ids(bound);
    }
    if (!ids.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give the device IDs either as arguments"
          + " or in " + SelectionOptions.IDS_FILE + ", not both");
    }
    return selectionOptions.idsOfFile(bound.plugin().deviceIds(), spec);
  }
}
