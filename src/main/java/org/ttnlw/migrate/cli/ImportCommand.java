package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ttnlw.migrate.devices.DeviceJob;
import org.ttnlw.migrate.pipeline.Mode;
import org.ttnlw.migrate.pipeline.Outcome;
import org.ttnlw.migrate.pipeline.RunSettings;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.source.json.TtsJsonFiles;
import org.ttnlw.migrate.target.TargetConfig;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
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
    Mode<TargetConfig> mode = new Mode.Import<>(TargetConfig.from(target));
    // One bad record must not keep the others out.
    RunSettings run = settings.continuingOnError();
    MigrationChoices nothingAtTheSource = new MigrationChoices(false, SourceStep.KEEP,
        Disabling.DEVICE);
    return runner().run(new DeviceJob(run, mode, nothingAtTheSource, DeviceJob.Listing.NAMED,
        context -> new TtsJsonFiles(files, io().stdin()),
        source -> ((TtsJsonFiles) source).devices(), Optional.empty()), run);
  }
}
