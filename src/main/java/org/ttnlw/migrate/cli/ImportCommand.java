package org.ttnlw.migrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.ttnlw.migrate.devices.DeviceJob;
import org.ttnlw.migrate.source.Disabling;
import org.ttnlw.migrate.source.MigrationChoices;
import org.ttnlw.migrate.source.SourceStep;
import org.ttnlw.migrate.source.json.TtsJsonFiles;
import org.ttnlw.migrate.target.TargetOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
        "Create devices from TTS JSON files in the target application, and verify each by"
            + " reading it back from every server of the target.",
        "Reads what any exporter writes: this tool's output, the Go migration tool's, or"
            + " `ttn-lw-cli end-devices get` (one object per line, a JSON array, or pretty-printed"
            + " objects one after another). A record that is not a device is listed with its file"
            + " and line at the end; the others still go in (exit code 3). Each verified device is"
            + " written to stdout (or --output) as the record of what was imported."})
final class ImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Files of TTS JSON devices, read in order. With none, stdin is read.")
  List<Path> files = new ArrayList<>();

  private final GlobalOptions global;
  private final Io io;
  private final TargetOptions target;

  ImportCommand(GlobalOptions global, Io io, TargetOptions target) {
    this.global = global;
    this.io = io;
    this.target = target;
  }

  @Override
  public Integer call() {
    global.check(spec.commandLine());
    Logging.configure(global.verbose);
    // One bad record must not keep the others out.
    global.continueOnError = true;
    MigrationChoices nothingAtTheSource = new MigrationChoices(false, SourceStep.KEEP,
        Disabling.DEVICE);
    return new PipelineRun(global, io, target, UnaryOperator.identity()).run(nothingAtTheSource,
        DeviceJob.Listing.NAMED, context -> new TtsJsonFiles(files, io.stdin()),
        source -> ((TtsJsonFiles) source).devices(), null);
  }
}
