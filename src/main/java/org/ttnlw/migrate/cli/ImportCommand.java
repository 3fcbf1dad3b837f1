package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.core.DeviceIds;
import org.ttnlw.migrate.core.DeviceRef;
import org.ttnlw.migrate.devices.DeviceJob;
import org.ttnlw.migrate.devices.SelectedDevices;
import org.ttnlw.migrate.pipeline.ItemLists;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.Selection;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.source.json.TtsJsonFiles;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
        "Create devices from TTS JSON files in the target application, and verify each by"
            + " reading it back from every server of the target.",
        "Reads what any exporter writes: this tool's output, the Go migration tool's, or"
            + " `ttn-lw-cli end-devices get` (one object per line, a JSON array, or pretty-printed"
            + " objects one after another). A record that is not a device is listed with its file"
            + " and line at the end; the others still go in (exit code 3). Each verified device is"
            + " written to stdout (or --output) as the record of what was imported."})
final class ImportCommand extends BaseCommand {
  @Mixin
  SelectionOptions selectionOptions = new SelectionOptions();

  @Mixin
  FilterOptions filterOptions = new FilterOptions();

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Files of TTS JSON devices, read in order. With none, stdin is read.")
  List<Path> files = new ArrayList<>();

  private final TargetOptions target;

  ImportCommand(GlobalOptions global, Io io, TargetOptions target) {
    super(global, io);
    this.target = target;
  }

  @Override
  Outcome run(RunSettings settings) {
    Selection selection = selectionOptions.selection(DeviceIds.SYNTAX, filterOptions.filters,
        spec, Clock.systemUTC());
    selection.checkAgainst("a TTS JSON file", TtsJsonFiles::unlisted);
    SelectedDevices selected = new SelectedDevices(selection);
    Mode<TargetConfig> mode = new Mode.Import<>(TargetConfig.from(target));
    // One bad record must not keep the others out.
    RunSettings run = settings.continuingOnError();
    MigrationChoices nothingAtTheSource = new MigrationChoices(false, SourceStep.KEEP,
        Disabling.DEVICE);
    DeviceJob.Listing records = new DeviceJob.Listing(List.of(), false, selectionOptions.limit(),
        selected);
    return runner().run(new DeviceJob(run, mode, nothingAtTheSource, records,
        context -> new TtsJsonFiles(files, io().stdin()),
        source -> selected((TtsJsonFiles) source, selected), Optional.empty()), run);
  }

  /** The devices of the files the selection takes; every record that is not a device. */
  private static Iterator<DeviceRef> selected(TtsJsonFiles files, SelectedDevices selected) {
    if (!selected.selection().narrows()) {
      return files.devices();
    }
    return selected.refs(ItemLists.mapped(files.devices(), files::listed), files::notADevice);
  }
}
